import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A published count or rate about teens: `{ value: null, suppressed: true }` where rule 9 hides it. */
export class FigureDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null when suppressed' }) value: number | null;
  @ApiProperty({ description: 'Hidden because it counts, or could reveal by subtraction, fewer teens than REPORT_MIN_CELL' }) suppressed: boolean;
  @ApiPropertyOptional({
    description: 'Present (true) on a figure summed over several programs when some programs’ own figure is suppressed: those are left out of the sum, which is then a lower bound',
  })
  partial?: boolean;
}
