import { IdentityModule } from '@codeshelf/identity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentRequestsController, StaffConsentRequestsController } from './consents/consent-requests.controller';
import { ConsentEvents } from './consents/consent-events';
import { ConsentsController } from './consents/consents.controller';
import { ConsentsService } from './consents/consents.service';
import { GuardianConsentTokenEntity } from './consents/guardian-consent-token.entity';
import { ErasureController } from './erasure/erasure.controller';
import { ErasureEvents } from './erasure/erasure-events';
import { ErasureService } from './erasure/erasure.service';
import { ParticipantsPolicy } from './participants.policy';
import { ParticipantPlaces } from './participants/participant-places';
import { ParticipantEntity } from './participants/participant.entity';
import { ParticipantsController } from './participants/participants.controller';
import { ParticipantsService } from './participants/participants.service';
import { SignupController } from './signup/signup.controller';
import { SignupService } from './signup/signup.service';

/** Participants (the teens), their sign-up, their guardians' consent, and their erasure. */
@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([ParticipantEntity, GuardianConsentTokenEntity])],
  controllers: [SignupController, ConsentsController, ConsentRequestsController, StaffConsentRequestsController, ParticipantsController, ErasureController],
  providers: [ParticipantsService, ConsentsService, SignupService, ParticipantsPolicy, ErasureService, ErasureEvents, ConsentEvents, ParticipantPlaces],
  exports: [ParticipantsService, ErasureEvents, ConsentEvents, ParticipantPlaces],
})
export class PeopleModule {}
