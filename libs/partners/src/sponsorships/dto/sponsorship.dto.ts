import { FigureDto, IsCalendarDate, IsNumberWithDecimals, PageQueryDto } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Max, Min } from 'class-validator';

export class CreateSponsorshipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  programId: string;

  @ApiProperty({ format: 'date', example: '2027-01-01' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ format: 'date', example: '2027-06-30', description: 'On or after startsOn' })
  @IsCalendarDate()
  endsOn: string;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: 9_999_999_999.99, example: 5000 })
  @IsOptional() @IsNumberWithDecimals(2) @Min(0) @Max(9_999_999_999.99)
  amount?: number;
}

/** What a sponsor sees of a program it sponsors: the program and its numbers, never a roster. */
export class SponsoredProgramDto {
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) branchId: string;
  @ApiProperty() branchName: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ enum: ['draft', 'published', 'archived'] }) status: string;
  @ApiProperty() capacity: number;
  @ApiProperty({
    type: FigureDto,
    description: 'Teens holding a seat: exact for library staff; for the sponsor suppressed as in its report (hidden from 1 to REPORT_MIN_CELL − 1) and hidden unless the program is published',
  })
  enrolled: FigureDto;
  @ApiProperty({ type: FigureDto, description: 'Teens on the waitlist now, shown like `enrolled`' }) waitlisted: FigureDto;
}

export class SponsorshipDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sponsorId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ type: Number, nullable: true }) amount: number | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: SponsoredProgramDto }) program: SponsoredProgramDto;
}

export class ListSponsorshipsQuery extends PageQueryDto {}
