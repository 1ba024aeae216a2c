export { readChangeLog } from '../../electron/core/data/change-log';
