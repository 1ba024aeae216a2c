import { WartaError } from '../../../../shared/contract/errors';
import type { HandlerGroup } from '../../rpc/handler-types';

/** The desktop shell answers `print.open` itself (electron/shell/print.ts); here there is no OS print dialog. */
export const printHandlers: HandlerGroup<'print.open'> = {
  'print.open': () => {
    throw new WartaError('desktop_only', 'Dialog cetak sistem hanya ada di aplikasi desktop; di peramban PDF dibuka di tab baru untuk dicetak.');
  },
};
