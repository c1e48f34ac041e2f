import { IsBoolean, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Body of POST /message (Camunda's CorrelationMessageDto). */
export class CorrelateMessageDto {
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  messageName!: string;

  @IsOptional() @IsString() businessKey?: string;
  @IsOptional() @IsString() processInstanceId?: string;
  @IsOptional() @IsString() tenantId?: string;
  @IsOptional() @IsBoolean() withoutTenantId?: boolean;
  @IsOptional() @IsObject() correlationKeys?: Record<string, unknown>;
  @IsOptional() @IsObject() localCorrelationKeys?: Record<string, unknown>;
  @IsOptional() @IsObject() processVariables?: Record<string, unknown>;
  @IsOptional() @IsObject() processVariablesLocal?: Record<string, unknown>;
  @IsOptional() @IsBoolean() all?: boolean;
  @IsOptional() @IsBoolean() resultEnabled?: boolean;
  @IsOptional() @IsBoolean() variablesInResultEnabled?: boolean;
}
