import type { Page } from '@playwright/test';

export class HealthPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/health');
  }

  overall() {
    return this.page.getByRole('status', { name: 'Overall status' });
  }

  /** The header's status link, present on every route. */
  headerStatus() {
    return this.page.getByRole('banner').getByRole('link', { name: /^Overall status:/ });
  }

  store(name: string) {
    return this.page.getByRole('row', { name: `Store ${name}` });
  }

  alert(name: string, state: 'firing' | 'pending') {
    return this.page.getByRole('row', { name: `Alert ${name} ${state}` });
  }

  job(name: string) {
    return this.page.getByRole('region', { name: `Job ${name}` });
  }

  target(instance: string) {
    return this.page.getByRole('row', { name: `Target ${instance}` });
  }

  unhealthyOnly() {
    return this.page.getByRole('checkbox', { name: 'Unhealthy only' });
  }

  /** `kind` as shown: Liveness, Readiness, Deep check. */
  appEndpoint(app: string, kind: 'Liveness' | 'Readiness' | 'Deep check') {
    return this.page.getByRole('group', { name: `${app} ${kind}` });
  }

  check(app: string, kind: 'Liveness' | 'Readiness' | 'Deep check', check: string) {
    return this.appEndpoint(app, kind).getByRole('listitem', { name: `Check ${check}` });
  }

  rule(name: string) {
    return this.page.getByRole('row', { name: `Rule ${name}` });
  }

  ruleExpressionLink(name: string) {
    return this.page.getByRole('link', { name: `Explore ${name} expression` });
  }
}
