import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { BirthDateField, EmailField, NameField } from '../../participants/dto/participant-fields';

/** A teen signing up: their login, who they are, and the guardian who consents for a minor. */
export class SignupDto {
  @EmailField() email: string;

  @ApiProperty({ minLength: 12, maxLength: 256 })
  @IsString() @Length(12, 256)
  password: string;

  @NameField() firstName: string;
  @NameField() lastName: string;
  @BirthDateField() birthDate: string;
  @NameField() guardianName: string;
  @EmailField() guardianEmail: string;
}
