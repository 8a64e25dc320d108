import { AuditActor, AuditService, escapeLike, Page, paginate, TransactionService } from '@codeshelf/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { EmailTakenError, InvalidRoleLinksError, UnknownReferenceError, UserNotFoundError } from '../identity.errors';
import { hashPassword } from '../passwords';
import type { Principal, Role } from '../principal';
import { CoordinatorBranchEntity } from './coordinator-branch.entity';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserDto } from './dto/user.dto';
import { enabledPrincipal, lockOtherActiveAdmins } from '../queries/users';
import { UserEntity } from './user.entity';

export interface NewAccount {
  email: string;
  password: string;
  role: Role;
  displayName: string;
  branchIds?: string[];
  sponsorId?: string | null;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  create(dto: CreateUserDto, actor: AuditActor): Promise<UserDto> {
    return this.transactions.run(async (manager) => {
      const user = await this.createAccount(manager, dto);
      await this.audit.record(
        { actor, action: 'user.created', entity: 'user', entityId: user.id, changes: { role: dto.role, branchIds: dto.branchIds ?? [] } },
        manager,
      );
      return UserDto.from(user, dto.branchIds ?? []);
    });
  }

  /** Creates a login inside the caller's transaction (teen sign-up uses it too). */
  async createAccount(manager: EntityManager, account: NewAccount): Promise<UserEntity> {
    checkRoleLinks(account.role, account.branchIds, account.sponsorId);
    const user = manager.getRepository(UserEntity).create({
      email: normalizeEmail(account.email),
      passwordHash: await hashPassword(account.password),
      role: account.role,
      displayName: account.displayName,
      sponsorId: account.sponsorId ?? null,
    });
    await manager.getRepository(UserEntity).insert(user).catch(mapWriteError);
    await this.replaceBranches(manager, user.id, account.branchIds ?? []);
    return user;
  }

  async list(query: ListUsersQuery): Promise<Page<UserDto>> {
    const qb = this.users.createQueryBuilder('u');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.q) qb.andWhere('(u.email ILIKE :q OR u.displayName ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    const page = await paginate(qb, query, 'createdAt');
    const branches = await this.branchesOf(page.items.map((u) => u.id));
    return { items: page.items.map((u) => UserDto.from(u, branches.get(u.id) ?? [])), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new UserNotFoundError(id);
    return UserDto.from(user, (await this.branchesOf([id])).get(id) ?? []);
  }

  /** The sign-in e-mail of each of these accounts, in one query (an unknown id is left out). */
  async emailsOf(ids: string[]): Promise<Map<string, string>> {
    const users = ids.length ? await this.users.find({ select: { id: true, email: true }, where: { id: In(ids) } }) : [];
    return new Map(users.map((u) => [u.id, u.email]));
  }

  /** The display name of each of these accounts, in one query (an unknown id is left out). */
  async displayNamesOf(ids: string[]): Promise<Map<string, string>> {
    const users = ids.length ? await this.users.find({ select: { id: true, displayName: true }, where: { id: In(ids) } }) : [];
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  update(id: string, dto: UpdateUserDto, actor: AuditActor): Promise<UserDto> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(UserEntity);
      const user = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new UserNotFoundError(id);
      const before = { role: user.role, disabled: user.disabled, sponsorId: user.sponsorId, branchIds: (await this.branchesOf([id], manager)).get(id) ?? [] };
      const role = dto.role ?? user.role;
      // A teen's login belongs to their participant record; staff accounts are never made from one.
      if (role !== user.role && (role === 'participant' || user.role === 'participant')) {
        throw new InvalidRoleLinksError('A participant’s account keeps the participant role.', 'role');
      }
      if (user.role === 'admin' && !user.disabled && (role !== 'admin' || dto.disabled === true)) await this.assertAnotherAdmin(manager, id);
      const branchIds = dto.branchIds ?? (role === 'coordinator' ? before.branchIds : []);
      const sponsorId = dto.sponsorId !== undefined ? dto.sponsorId : role === 'sponsor' ? user.sponsorId : null;
      checkRoleLinks(role, branchIds, sponsorId);
      Object.assign(user, { role, sponsorId, displayName: dto.displayName ?? user.displayName, disabled: dto.disabled ?? user.disabled });
      await repository.save(user).catch(mapWriteError);
      if (!sameSet(branchIds, before.branchIds)) await this.replaceBranches(manager, id, branchIds);
      const after = { role, disabled: user.disabled, sponsorId, branchIds };
      const changes = Object.fromEntries(
        (Object.keys(after) as (keyof typeof after)[])
          .filter((k) => (Array.isArray(after[k]) ? !sameSet(after[k] as string[], before[k] as string[]) : after[k] !== before[k]))
          .map((k) => [k, { from: before[k], to: after[k] }]),
      );
      if (Object.keys(changes).length) await this.audit.record({ actor, action: 'user.access_changed', entity: 'user', entityId: id, changes }, manager);
      return UserDto.from(user, branchIds);
    });
  }

  private async assertAnotherAdmin(manager: EntityManager, id: string): Promise<void> {
    // Lock every active admin row: two admins demoting each other at once cannot both succeed.
    const others = await lockOtherActiveAdmins(manager, id);
    if (!others.length) throw new InvalidRoleLinksError('The last active admin cannot be demoted or disabled.', 'role');
  }

  /** The principal behind a token, or null when the user is gone or disabled: checked on every request. */
  async findPrincipal(userId: string): Promise<Principal | null> {
    const row = await enabledPrincipal(this.users.manager, userId);
    return row
      ? { kind: 'user', id: row.id, role: row.role, displayName: row.display_name, sponsorId: row.sponsor_id, branchIds: row.branch_ids }
      : null;
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: normalizeEmail(email) });
  }

  private async replaceBranches(manager: EntityManager, userId: string, branchIds: string[]): Promise<void> {
    const links = manager.getRepository(CoordinatorBranchEntity);
    await links.delete({ userId });
    if (branchIds.length) await links.insert([...new Set(branchIds)].map((branchId) => ({ userId, branchId }))).catch(mapWriteError);
  }

  private async branchesOf(userIds: string[], manager?: EntityManager): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (!userIds.length) return result;
    const links = await (manager ?? this.users.manager).getRepository(CoordinatorBranchEntity).createQueryBuilder('cb').where('cb.userId IN (:...userIds)', { userIds }).getMany();
    for (const link of links) result.set(link.userId, [...(result.get(link.userId) ?? []), link.branchId]);
    return result;
  }
}

function checkRoleLinks(role: Role, branchIds: string[] | undefined, sponsorId: string | null | undefined): void {
  if (branchIds?.length && role !== 'coordinator') throw new InvalidRoleLinksError('Only coordinators are assigned to branches.', 'branchIds');
  if (role === 'sponsor' && !sponsorId) throw new InvalidRoleLinksError('A sponsor user belongs to a sponsor: give sponsorId.', 'sponsorId');
  if (role !== 'sponsor' && sponsorId) throw new InvalidRoleLinksError('Only sponsor users belong to a sponsor.', 'sponsorId');
}

function mapWriteError(error: unknown): never {
  if (error instanceof QueryFailedError) {
    const { code, constraint } = error.driverError as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'user_account_email_lower_key') throw new EmailTakenError();
    if (code === '23503' && constraint?.includes('branch')) throw new UnknownReferenceError('branchIds', 'branch');
    if (code === '23503' && constraint?.includes('sponsor')) throw new UnknownReferenceError('sponsorId', 'sponsor');
  }
  throw error;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
