import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateProgramDto } from './create-program.dto';

/** Only the fields sent change; a program stays at its branch. */
export class UpdateProgramDto extends PartialType(OmitType(CreateProgramDto, ['branchId'] as const)) {}
