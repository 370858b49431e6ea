/*
 * POST /riders/:id/wallet's write, the same for both variants: one transaction (seed 002 "Use transactions for
 * multi-table operations (wallet updates ...)") that locks the rider's row, reads the balance, refuses a
 * withdrawal larger than it, inserts the ledger entry (debits negative) and, for a withdrawal, its
 * withdrawal_requests row. The caller invalidates the cached balance after the commit.
 */
import type { Database } from '../platform/db/Database.ts';
import type { WalletOutcome } from './RidersBackend.ts';
import { ridersSql } from './statements.ts';
import { DEBIT_TYPES, rupees, type EntryType } from './validation/routeSchema.ts';

export function writeWalletEntry(db: Database, riderId: number, paise: number, entryType: EntryType): Promise<WalletOutcome> {
  const signed = DEBIT_TYPES.has(entryType) ? -paise : paise;
  const withdrawal = entryType === 'withdrawal';
  return db.withClient(withdrawal ? 5 : 4, async (client) => {
    await client.query('BEGIN');
    try {
      const locked = await client.query<{ balance: string }>(ridersSql.lockRiderBalance([riderId]));
      const before = locked.rows[0]?.balance;
      if (before === undefined) {
        await client.query('ROLLBACK');
        return { refused: 'not_found' } as const;
      }
      const beforePaise = Math.round(Number(before) * 100);
      if (withdrawal && beforePaise < paise) {
        await client.query('ROLLBACK');
        return { refused: 'insufficient', balance: before } as const;
      }
      const inserted = await client.query<{ id: string }>(ridersSql.insertLedger([riderId, rupees(signed), entryType]));
      if (withdrawal) await client.query(ridersSql.insertWithdrawal([riderId, rupees(paise)]));
      await client.query('COMMIT');
      return { entry_id: Number(inserted.rows[0]!.id), rider_id: riderId, entry_type: entryType, amount: rupees(signed), balance: rupees(beforePaise + signed) };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}
