import { AuditActor, AuditService, escapeLike, Page, paginate, TransactionService } from '@codeshelf/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SponsorNotFoundError } from '@codeshelf/identity';
import { CreateSponsorDto } from './dto/create-sponsor.dto';
import { ListSponsorsQuery } from './dto/list-sponsors.query';
import { SponsorDto } from './dto/sponsor.dto';
import { UpdateSponsorDto } from './dto/update-sponsor.dto';
import { SponsorEntity } from './sponsor.entity';
import type { SponsorScope } from './sponsors.policy';

const OPTIONAL = ['website', 'contactEmail', 'contactName', 'logoUrl'] as const;

/** The companies that fund clubs and offer internships. */
@Injectable()
export class SponsorsService {
  constructor(
    @InjectRepository(SponsorEntity) private readonly sponsors: Repository<SponsorEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  create(dto: CreateSponsorDto, actor: AuditActor): Promise<SponsorDto> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(SponsorEntity);
      const sponsor = repository.create({ name: dto.name, ...Object.fromEntries(OPTIONAL.map((field) => [field, dto[field] ?? null])) });
      await repository.insert(sponsor);
      const changes = { name: sponsor.name, ...Object.fromEntries(OPTIONAL.map((field) => [field, sponsor[field]])) };
      await this.audit.record({ actor, action: 'sponsor.created', entity: 'sponsor', entityId: sponsor.id, changes }, manager);
      return SponsorDto.from(sponsor);
    });
  }

  /** Sponsors within `scope`, by name, then id; `q` keeps those whose name contains it, in any case. */
  async list(scope: SponsorScope, query: ListSponsorsQuery): Promise<Page<SponsorDto>> {
    const qb = this.sponsors.createQueryBuilder('s');
    if (!scope.all) qb.andWhere('s.id = ANY(CAST(:scope AS uuid[]))', { scope: scope.sponsorIds });
    if (query.q) qb.andWhere('s.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    const page = await paginate(qb, query, 'name');
    return { items: page.items.map(SponsorDto.from), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<SponsorDto> {
    const sponsor = await this.sponsors.findOneBy({ id });
    if (!sponsor) throw new SponsorNotFoundError(id);
    return SponsorDto.from(sponsor);
  }

  /** The sponsor's secret pseudonym salt (never in any answer). */
  async pseudonymSalt(id: string): Promise<string> {
    const sponsor = await this.sponsors.createQueryBuilder('s').addSelect('s.pseudonymSalt').where('s.id = :id', { id }).getOne();
    if (!sponsor) throw new SponsorNotFoundError(id);
    return sponsor.pseudonymSalt;
  }

  /** Changes the fields sent; the audit event records each change as `{ from, to }`. */
  update(id: string, dto: UpdateSponsorDto, actor: AuditActor): Promise<SponsorDto> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(SponsorEntity);
      const sponsor = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!sponsor) throw new SponsorNotFoundError(id);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of ['name', ...OPTIONAL] as const) {
        const to = dto[field];
        if (to !== undefined && to !== sponsor[field]) changes[field] = { from: sponsor[field], to };
      }
      if (!Object.keys(changes).length) return SponsorDto.from(sponsor);
      Object.assign(sponsor, Object.fromEntries(Object.entries(changes).map(([field, { to }]) => [field, to])));
      await repository.save(sponsor);
      await this.audit.record({ actor, action: 'sponsor.updated', entity: 'sponsor', entityId: id, changes }, manager);
      return SponsorDto.from(sponsor);
    });
  }
}
