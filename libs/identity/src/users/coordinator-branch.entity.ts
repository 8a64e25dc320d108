import { Entity, PrimaryColumn } from 'typeorm';

/** A branch a coordinator runs clubs at. */
@Entity()
export class CoordinatorBranchEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'uuid' })
  branchId: string;
}
