import { type AppEnv, envConfig, TransactionService, ValidationFailedError } from '@codeshelf/core';
import { UsersService } from '@codeshelf/identity';
import { Inject, Injectable } from '@nestjs/common';
import { isMinor } from '../age';
import { ParticipantDto } from '../participants/dto/participant.dto';
import { ParticipantsService } from '../participants/participants.service';
import { SignupDto } from './dto/signup.dto';
import { SignupResponseDto } from './dto/signup-response.dto';

/** A teen signs up: their login and their participant record, in one transaction. */
@Injectable()
export class SignupService {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    private readonly transactions: TransactionService,
    private readonly users: UsersService,
    private readonly participants: ParticipantsService,
  ) {}

  signup(dto: SignupDto): Promise<SignupResponseDto> {
    const { email, password, guardianName, guardianEmail, ...person } = dto;
    // A minor's guardian consents (rule 3); an adult consents for themself and names nobody.
    const minor = isMinor(dto.birthDate, this.env.AGE_OF_MAJORITY);
    if (minor) {
      const missing = [guardianName ? null : 'guardianName', guardianEmail ? null : 'guardianEmail'].filter((f): f is string => f !== null);
      if (missing.length) throw new ValidationFailedError(missing.map((field) => ({ field, code: 'isDefined', message: `${field} is needed for a teen under ${this.env.AGE_OF_MAJORITY}` })));
    }
    // The consent link goes to the guardian's address: the teen's own would let them consent for themself.
    if (guardianEmail && email.trim().toLowerCase() === guardianEmail.trim().toLowerCase()) {
      throw new ValidationFailedError([{ field: 'guardianEmail', code: 'isNotOwnEmail', message: 'guardianEmail must be your guardian’s address, not yours' }]);
    }
    return this.transactions.run(async (manager) => {
      const user = await this.users.createAccount(manager, {
        email,
        password,
        role: 'participant',
        displayName: `${person.firstName} ${person.lastName}`,
      });
      const guardian = { guardianName: guardianName ?? null, guardianEmail: guardianEmail ?? null };
      const participant = await this.participants.createRecord(manager, { ...person, ...guardian, userId: user.id }, { id: user.id, kind: 'user' }, 'signup');
      return {
        participant: ParticipantDto.from(participant),
        user: { id: user.id, email: user.email, role: 'participant', displayName: user.displayName },
      };
    });
  }
}
