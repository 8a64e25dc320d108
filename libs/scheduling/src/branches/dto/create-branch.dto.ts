import { AddressField, BranchNameField, TimeZoneField } from './branch-fields';

export class CreateBranchDto {
  @BranchNameField() name: string;
  @AddressField({ required: false, nullable: true }) address?: string | null;
  @TimeZoneField() timezone: string;
}
