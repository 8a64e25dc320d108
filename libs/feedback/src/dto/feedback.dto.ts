import { Trim } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_COMMENT_LENGTH } from '../session-feedback.entity';

/** Feedback stays open this many days after a session ends. */
export const FEEDBACK_DAYS = 7;
/** Comments are shown only once at least this many teens commented on the session. */
export const MIN_COMMENTERS = 3;

export class GiveFeedbackDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 4, description: '1 (not good) to 5 (great)' })
  @IsInt() @Min(1) @Max(5)
  rating: number;

  @ApiPropertyOptional({ maxLength: MAX_COMMENT_LENGTH, example: 'The game jam was fun; more time for our own projects please.', description: 'Shown to staff without your name; leave names out' })
  @IsOptional() @Trim() @IsString() @MaxLength(MAX_COMMENT_LENGTH)
  comment?: string;
}

export class GivenFeedbackDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty() createdAt: Date;
}

/** A session the signed-in teen may rate, or has rated, in its feedback window. */
export class FeedbackRequestDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() programTitle: string;
  @ApiProperty() topic: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ example: 'America/Chicago' }) timezone: string;
  @ApiProperty({ description: `When feedback closes: ${FEEDBACK_DAYS} days after the end` }) closesAt: Date;
  @ApiProperty({ type: Number, nullable: true, description: 'Your rating; null while you can still give one' }) rating: number | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}

export class RatingCountDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty() count: number;
}

/** A comment as staff read it: its words and the session it is about, never who wrote it. */
export class FeedbackCommentDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() sessionStartsAt: Date;
  @ApiProperty() text: string;
}

export class FeedbackSummaryDto {
  @ApiProperty({ description: 'Teens who rated' }) count: number;
  @ApiProperty({ type: Number, nullable: true, example: 4.25, description: 'Mean rating, 2 decimals; null before any' }) average: number | null;
  @ApiProperty({ type: [RatingCountDto], description: 'How many gave each rating, 1 to 5' }) distribution: RatingCountDto[];
  @ApiProperty({ description: 'Teens who left a comment' }) commentCount: number;
  @ApiProperty({ description: `True when some comments are not shown: those of a session fewer than ${MIN_COMMENTERS} teens commented on` }) commentsHeldBack: boolean;
  @ApiProperty({ type: [FeedbackCommentDto], description: 'In an order that says nothing of who wrote them' }) comments: FeedbackCommentDto[];
}

export class SessionFeedbackDto extends FeedbackSummaryDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() closesAt: Date;
}

export class SessionRatingDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() topic: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true }) average: number | null;
}

export class ProgramFeedbackDto extends FeedbackSummaryDto {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ type: [SessionRatingDto], description: 'The held sessions that have ratings, in order' }) sessions: SessionRatingDto[];
}
