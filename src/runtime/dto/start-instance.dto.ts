import { IsBoolean, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/** Body of POST /process-definition/{id}/start and …/key/{key}/start. */
export class StartInstanceDto {
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  businessKey?: string;

  @IsOptional()
  @IsBoolean()
  withVariablesInReturn?: boolean;
}
