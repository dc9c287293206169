// Chinese national cryptography (SM2/SM3/SM4) for the server side.
export { sm3, sm3Hex, hmacSm3, hmacSm3Hex, safeEqual, assertSecret, type Bytes } from './sm3.ts';
export { canonicalJson } from './canonical.ts';
export { DEFAULT_SM2_USER_ID, generateSealKeyPair, sm2Sign, sm2Verify, type SealKeyPair, type Sm2Options } from './sm2.ts';
export { createFieldCipher, maskIdNumber, maskName, maskPhone, type FieldCipher } from './sm4.ts';
export {
  signRequest, stringToSign, verifyRequest, type RequestParts, type VerifyRequestInput, type VerifyRequestResult,
} from './hmac-request.ts';
export {
  createHandoffToken, verifyHandoffToken, type CreateHandoffInput, type HandoffClaims, type VerifyHandoffResult,
} from './handoff.ts';
