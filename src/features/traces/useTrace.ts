import { useQuery } from '@tanstack/react-query';
import { useConfig } from '../../app/config';
import { traceDatasource, traceQueryOptions } from './traceQuery';

/** Loads one trace from the datasource in the URL (`ds=`), else the first trace store configured. */
export function useTrace(traceId: string, dsUid?: string) {
  const datasource = traceDatasource(useConfig(), dsUid);
  const query = useQuery({
    ...traceQueryOptions(datasource, traceId),
    // The route's loader may have started this query, and seen it fail, before the page's chunk
    // arrived: mounting must show that error, not ask again. Revisiting the route retries (the
    // loader's prefetch refetches a query that holds no trace).
    retryOnMount: false,
  });
  return { datasource, ...query };
}
