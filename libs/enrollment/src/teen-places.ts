import { ParticipantPlaces } from '@codeshelf/people';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { placeBranches, placePrograms } from './queries/places';

/** Hands people the read models of the teens' places: who reaches a teen, and an erasure's age bands, depend on them. */
@Injectable()
export class TeenPlaces implements OnModuleInit {
  constructor(private readonly places: ParticipantPlaces) {}

  onModuleInit(): void {
    this.places.provide({ branches: placeBranches, programs: placePrograms });
  }
}
