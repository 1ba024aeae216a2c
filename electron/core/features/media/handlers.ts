import type { HandlerGroup } from '../../rpc/handler-types';
import type { MediaMethodName } from './method-names';
import { contractHandlers } from './contracts';
import { directoryHandlers } from './directory';
import { exportHandlers } from './export';
import { importHandlers } from './import/handlers';
import { listHandlers } from './lists';
import { readOfficeProfile } from '../office/handlers';
import { reportFile } from './report';
import { searchHandlers } from './search';

/** The media-partner directory (Kerja Sama Media): every media.* method. */
export const mediaHandlers: HandlerGroup<MediaMethodName> = {
  ...directoryHandlers,
  ...searchHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...contractHandlers,
  ...listHandlers,
  'media.report': (input, ctx) => {
    const office = readOfficeProfile(ctx);
    return reportFile(ctx, input.from, input.to, input.format, office ? `${office.unit}, ${office.institution}` : '');
  },
};
