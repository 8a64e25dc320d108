import { TransactionService } from '@codeshelf/core';
import { UsersService } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { ParticipantDto } from '../participants/dto/participant.dto';
import { ParticipantsService } from '../participants/participants.service';
import { SignupDto } from './dto/signup.dto';
import { SignupResponseDto } from './dto/signup-response.dto';

/** A teen signs up: their login and their participant record, in one transaction. */
@Injectable()
export class SignupService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly users: UsersService,
    private readonly participants: ParticipantsService,
  ) {}

  signup(dto: SignupDto): Promise<SignupResponseDto> {
    const { email, password, ...person } = dto;
    return this.transactions.run(async (manager) => {
      const user = await this.users.createAccount(manager, {
        email,
        password,
        role: 'participant',
        displayName: `${person.firstName} ${person.lastName}`,
      });
      const participant = await this.participants.createRecord(manager, { ...person, userId: user.id }, { id: user.id, kind: 'user' }, 'signup');
      return {
        participant: ParticipantDto.from(participant),
        user: { id: user.id, email: user.email, role: 'participant', displayName: user.displayName },
      };
    });
  }
}
