export * from './people.module';
export * from './people.errors';
export * from './age';
export * from './participants/participant.entity';
export * from './participants/participants.service';
export * from './participants/dto/participant.dto';
export * from './signup/signup.service';
export * from './consents/consents.service';
