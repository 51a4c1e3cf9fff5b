// The public surface of the channel providers.
export type { SendResult } from './delivery.ts';
export {
  smtpEmailProvider,
  type EmailMessage,
  type EmailProvider,
  type SmtpConfig,
} from './email/smtp-provider.ts';
export { caseReplyAddress, messageIdFor, type ReplyAddressing } from './email/message-id.ts';
export { classifySmtpError } from './email/classify.ts';
export { renderLetterPdf, type LetterOptions } from './letter/pdf.ts';
export {
  fileDropLetterProvider,
  letterFileName,
  type LetterDrop,
  type LetterProvider,
} from './letter/file-drop.ts';
export {
  twilioCompatibleProvider,
  maxSmsSegments,
  type ShortMessage,
  type ShortMessageProvider,
  type TwilioConfig,
} from './sms/twilio.ts';
export { smsSize, type SmsSize } from './sms/segments.ts';
export { checkE164, type E164Check } from './sms/e164.ts';
export { callScript } from './phone/call-script.ts';
export type { AiVoiceCall, AiVoiceProvider, CallOutcome } from './phone/types.ts';
