import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Body of POST /signal (Camunda's SignalDto). */
export class SignalDto {
  @IsString() @MinLength(1) @MaxLength(255) name!: string;
  @IsOptional() @IsString() executionId?: string;
  @IsOptional() @IsObject() variables?: Record<string, unknown>;
  @IsOptional() @IsString() tenantId?: string;
}
