import { useQuery } from '@tanstack/react-query';
import { pickDatasource, useConfig } from '../../app/config';
import * as tempo from '../../datasources/tempo';
import * as jaeger from '../../datasources/jaeger';
import { withQuerySpan } from '../../telemetry/query';

/** Loads one trace from the datasource in the URL (`ds=`), else the first trace store configured. */
export function useTrace(traceId: string, dsUid?: string) {
  const datasource = pickDatasource(useConfig(), ['tempo', 'jaeger'], dsUid);
  const query = useQuery({
    queryKey: ['trace', datasource?.uid, traceId],
    enabled: Boolean(datasource),
    queryFn: async ({ signal }) => {
      const trace = await withQuerySpan('traces get trace', { 'datasource.uid': datasource!.uid, 'trace.id': traceId }, () =>
        datasource!.type === 'jaeger' ? jaeger.getTrace(datasource!.uid, traceId, signal) : tempo.getTrace(datasource!.uid, traceId, signal),
      );
      // User Timing marks: `npm run bench` splits a large trace's load time with them.
      performance.mark('sightline:trace-converted');
      return trace;
    },
  });
  return { datasource, ...query };
}
