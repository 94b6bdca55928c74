import { expect, type Locator, type Page } from '@playwright/test';

/** The Share dialog of any view (src/features/embed/ShareDialog.tsx). */
export class ShareDialog {
  constructor(private readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Share/ });
  }

  async openForView() {
    await this.page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(this.dialog()).toBeVisible();
  }

  async openForPanel(title: string) {
    await this.page.getByRole('button', { name: `Share panel ${title}` }).click();
    await expect(this.dialog()).toBeVisible();
  }

  async chooseAbsoluteTime() {
    await this.dialog().getByRole('radio', { name: /^Absolute/ }).check();
  }

  /** What the Copy button would put on the clipboard. */
  async link(): Promise<string> {
    return this.dialog().getByRole('textbox', { name: 'Link', exact: true }).inputValue();
  }

  async embedUrl(): Promise<string> {
    return this.dialog().getByRole('textbox', { name: 'Embed URL', exact: true }).inputValue();
  }

  async snippet(): Promise<string> {
    return this.dialog().getByRole('textbox', { name: 'Snippet', exact: true }).inputValue();
  }
}
