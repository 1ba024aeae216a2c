import { m0001 } from './0001-initial';
import { m0002 } from './0002-opd';
import { m0003 } from './0003-audit-log';
import { m0004 } from './0004-releases';
import { m0005 } from './0005-agenda';
import { m0006 } from './0006-media';
import { m0007 } from './0007-people';
import { m0008 } from './0008-distribution';
import { m0009 } from './0009-paper';
import { m0010 } from './0010-erasure-markers';
import { m0011 } from './0011-publication-tone';
import { m0012 } from './0012-requests';
import { m0013 } from './0013-invitations';
import { m0014 } from './0014-network';
import { m0015 } from './0015-publicdesk';
import { m0016 } from './0016-campaigns';
import { m0017 } from './0017-search';
import { m0018 } from './0018-desk-reminders-templates';
import { m0019 } from './0019-campaign-cards';
import type { Migration } from './types';

/** In order. Add a file per version and list it here; each has its own test in test/core/migrations. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0014, m0015, m0016, m0017, m0018, m0019];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
