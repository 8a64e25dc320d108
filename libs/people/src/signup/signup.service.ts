import { TransactionService, ValidationFailedError } from '@codeshelf/core';
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
    // The consent link goes to the guardian's address: the teen's own would let them consent for themself.
    if (email.trim().toLowerCase() === dto.guardianEmail.trim().toLowerCase()) {
      throw new ValidationFailedError([{ field: 'guardianEmail', message: 'guardianEmail must be your guardian’s address, not yours' }]);
    }
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
