import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ format: 'email', maxLength: 254, example: 'coordinator@demo.codeshelf.test' })
  @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ maxLength: 256 })
  @IsString() @Length(1, 256)
  password: string;
}
