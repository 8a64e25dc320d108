import type { ProgramDto } from '@codeshelf/scheduling';
import { ApiProperty } from '@nestjs/swagger';
import type { EnrollmentEntity } from '../enrollment.entity';
import { EnrollmentDto } from './enrollment.dto';

export class EnrolledProgramDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) branchId: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
}

/** One of the teen's own enrollments, with the program it is for. */
export class MyEnrollmentDto extends EnrollmentDto {
  @ApiProperty({ type: EnrolledProgramDto }) program: EnrolledProgramDto;

  static of(e: EnrollmentEntity, p: Pick<ProgramDto, 'id' | 'title' | 'branchId' | 'startsOn' | 'endsOn'>): MyEnrollmentDto {
    return { ...EnrollmentDto.from(e), program: { id: p.id, title: p.title, branchId: p.branchId, startsOn: p.startsOn, endsOn: p.endsOn } };
  }
}
