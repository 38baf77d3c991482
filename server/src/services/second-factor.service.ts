import QRCode from 'qrcode';
import { enforce } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { verifyPassword } from '../auth/passwords';
import {
  checkTotp,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  totpUri,
} from '../auth/totp';
import { AppError, validationFailed } from '../errors';
import type { Role, UserRecord } from '../repositories/auth.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import { recordUserEvent } from './user-events';

export interface SecondFactorStatus {
  enabled: boolean;
  /** Roles of this user that the configuration lets count only with a second factor. */
  requiredFor: Role[];
  /** Roles not counted right now because no second factor is set up. */
  heldBack: Role[];
  recoveryCodesLeft: number;
}

export interface SecondFactorSetup {
  secret: string;
  uri: string;
  /** The QR code of `uri` as an SVG document. */
  qrSvg: string;
}

const wrongCode = (): AppError =>
  validationFailed('This code is not right. Type the current 6-digit code from your app.', [
    { path: '/code', message: 'Not the current code.' },
  ]);

/** Two-factor authentication (TOTP) for one's own account, and the code check at sign-in. */
export class SecondFactorService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requiredRoles: readonly Role[],
  ) {}

  async status(principal: Principal): Promise<SecondFactorStatus> {
    enforce(principal, 'signed-in', {});
    const user = principal.user!;
    const { repos } = this.uow;
    const factor = await repos.credentials.findSecondFactor(user.id);
    const roles = new Set((await repos.auth.grantsOf(user.id)).map((g) => g.role));
    return {
      enabled: (factor?.confirmedAt ?? null) !== null,
      requiredFor: this.requiredRoles.filter((r) => roles.has(r)),
      heldBack: [...principal.credentials.heldBack],
      recoveryCodesLeft: await repos.credentials.unusedRecoveryCodes(user.id),
    };
  }

  /** Starts a set-up: a new secret (replacing an unconfirmed one) to scan into the app. */
  async begin(principal: Principal): Promise<SecondFactorSetup> {
    enforce(principal, 'session', {});
    const user = principal.user!;
    const { repos } = this.uow;
    const existing = await repos.credentials.findSecondFactor(user.id);
    if ((existing?.confirmedAt ?? null) !== null)
      throw new AppError(
        'conflict',
        'Two-factor authentication is already on. Turn it off first to move it to another app.',
      );
    const secret = newTotpSecret();
    await repos.credentials.putPendingSecondFactor(user.id, secret);
    const uri = totpUri(secret, user.email);
    return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
  }

  /** Confirms the set-up with a first code; answers the recovery codes, shown this once. */
  async confirm(principal: Principal, code: string): Promise<{ recoveryCodes: string[] }> {
    enforce(principal, 'session', {});
    const user = principal.user!;
    return this.uow.transaction(async (repos) => {
      const pending = await repos.credentials.findSecondFactor(user.id);
      if (pending === undefined)
        throw new AppError('conflict', 'Start the set-up first: there is no code to confirm.');
      if (pending.confirmedAt !== null)
        throw new AppError('conflict', 'Two-factor authentication is already on.');
      const step = await checkTotp(pending.secret, code);
      if (step === null) throw wrongCode();
      await repos.credentials.confirmSecondFactor(user.id, step);
      const recoveryCodes = await this.replaceCodes(repos, user.id);
      await recordUserEvent(repos, principal.actor, user.email, 'auth.second_factor_enabled');
      return { recoveryCodes };
    });
  }

  /** New recovery codes (the old ones stop working); needs a current code. */
  async regenerateCodes(principal: Principal, code: string): Promise<{ recoveryCodes: string[] }> {
    enforce(principal, 'session', {});
    const user = principal.user!;
    return this.uow.transaction(async (repos) => {
      const factor = await repos.credentials.findSecondFactor(user.id);
      if (factor === undefined || factor.confirmedAt === null)
        throw new AppError('conflict', 'Two-factor authentication is not on.');
      if (!(await this.acceptTotp(repos, user.id, factor.secret, code))) throw wrongCode();
      const recoveryCodes = await this.replaceCodes(repos, user.id);
      await recordUserEvent(repos, principal.actor, user.email, 'auth.recovery_codes_replaced');
      return { recoveryCodes };
    });
  }

  /** Turns two-factor authentication off; needs the password and a current code (or a recovery code). */
  async disable(principal: Principal, input: { password: string; code: string }): Promise<void> {
    enforce(principal, 'session', {});
    const user = principal.user!;
    const { repos } = this.uow;
    const record = await repos.auth.findUser(user.id);
    if (
      record === undefined ||
      record.passwordHash === null ||
      !(await verifyPassword(record.passwordHash, input.password))
    ) {
      throw validationFailed('Your password is not right.', [
        { path: '/password', message: 'Not your password.' },
      ]);
    }
    await this.uow.transaction(async (trx) => {
      if (!(await this.verify(trx, record, input.code))) throw wrongCode();
      await trx.credentials.deleteSecondFactor(user.id);
      await recordUserEvent(trx, principal.actor, user.email, 'auth.second_factor_disabled');
    });
  }

  /** An administrator removes someone's second factor (lost phone and codes); they set it up again. */
  async reset(principal: Principal, userId: number): Promise<void> {
    enforce(principal, 'admin', {});
    await this.uow.transaction(async (repos) => {
      const user = await repos.auth.findUser(userId);
      if (user === undefined)
        throw new AppError('not_found', `There is no user with id ${userId}.`);
      await repos.credentials.deleteSecondFactor(userId);
      await recordUserEvent(repos, principal.actor, user.email, 'auth.second_factor_reset');
    });
  }

  /** The sign-in check: a current code (never the same one twice) or an unused recovery code. */
  verifyForSignIn = (user: UserRecord, code: string): Promise<boolean> =>
    this.uow.transaction((repos) => this.verify(repos, user, code));

  private async verify(repos: Repositories, user: UserRecord, code: string): Promise<boolean> {
    const factor = await repos.credentials.findSecondFactor(user.id);
    if (factor === undefined || factor.confirmedAt === null) return false;
    if (looksLikeRecoveryCode(code))
      return repos.credentials.useRecoveryCode(user.id, recoveryCodeHash(code));
    return this.acceptTotp(repos, user.id, factor.secret, code);
  }

  private async acceptTotp(
    repos: Repositories,
    userId: number,
    secret: string,
    code: string,
  ): Promise<boolean> {
    const step = await checkTotp(secret, code);
    return step !== null && (await repos.credentials.useTimeStep(userId, step));
  }

  private async replaceCodes(repos: Repositories, userId: number): Promise<string[]> {
    const codes = newRecoveryCodes();
    await repos.credentials.replaceRecoveryCodes(userId, codes.map(recoveryCodeHash));
    return codes;
  }
}
