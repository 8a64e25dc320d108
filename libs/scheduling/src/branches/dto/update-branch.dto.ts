import { AddressField, BranchNameField, TimeZoneField } from './branch-fields';

/** Only the fields sent change; `address: null` clears the address. */
export class UpdateBranchDto {
  @BranchNameField({ required: false }) name?: string;
  @AddressField({ required: false, nullable: true }) address?: string | null;
  @TimeZoneField({ required: false }) timezone?: string;
}
