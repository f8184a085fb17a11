import { describe, expect, it } from "vitest";
import {
  decodeRedsysParameters,
  encodeRedsysParameters,
  isRedsysSignatureValid,
  redsysOrderKey,
  redsysSignature,
  signRedsysMessage,
} from "./redsys-signature.js";

/** RedSys' public test key (merchant 999008881, terminal 1), printed in its developer documentation. */
const TEST_KEY = "sq7HjrUOBfKmC576ILgskD5srU870gJ7";

/**
 * HMAC_SHA512_V2: the worked example of RedSys' page "Firmar una operación"
 * (https://pagosonline.redsys.es/desarrolladores-inicio/documentacion-operativa/firmar-una-operacion),
 * order 1234567890, amount 999, merchant 999008881; the same vector is asserted by nowo-tech/RedsysPhp
 * tests/Unit/SignerOfficialVectorTest.php and by RedSys' own "Firma HMAC SHA-512 V2" PHP library.
 */
const V2_PARAMETERS =
  "eyJEU19NRVJDSEFOVF9BTU9VTlQiOiI5OTkiLCJEU19NRVJDSEFOVF9PUkRFUiI6IjEyMzQ1Njc4OTAiLCJEU19NRVJDSEFOVF9NRVJDSEFOVENPREUiOiI5OTkwMDg4ODEiLCJEU19NRVJDSEFOVF9DVVJSRU5DWSI6Ijk3OCIsIkRTX01FUkNIQU5UX1RSQU5TQUNUSU9OVFlQRSI6IjAiLCJEU19NRVJDSEFOVF9URVJNSU5BTCI6IjEiLCJEU19NRVJDSEFOVF9NRVJDSEFOVFVSTCI6Imh0dHA6XC9cL3d3dy5wcnVlYmEuY29tXC91cmxOb3RpZmljYWNpb24ucGhwIiwiRFNfTUVSQ0hBTlRfVVJMT0siOiJodHRwOlwvXC93d3cucHJ1ZWJhLmNvbVwvdXJsT0sucGhwIiwiRFNfTUVSQ0hBTlRfVVJMS08iOiJodHRwOlwvXC93d3cucHJ1ZWJhLmNvbVwvdXJsS08ucGhwIn0";
const V2_ORDER_KEY = "RWt3/IPTzYRMXsQtkiGRKg==";
const V2_SIGNATURE = "Vjo02eSWq249IeZZp3R-ArFnGLhKY0OuzDDlx1BuVtZDC2yhczA7_11uZhsYzLZBCMFAz8u8uzGDX3AErHKmmw";

/**
 * HMAC_SHA256_V1, request side: a payment form signed with the test key, from javiertury/redsys-easy
 * test/fixtures/rest/redirect.ts (order 0726qI3H7sZx, 49.99 EUR, sent to RedSys' test bench).
 */
const V1_REQUEST_PARAMETERS =
  "eyJEU19NRVJDSEFOVF9UUkFOU0FDVElPTlRZUEUiOiIwIiwiRFNfTUVSQ0hBTlRfT1JERVIiOiIwNzI2cUkzSDdzWngiLCJEU19NRVJDSEFOVF9NRVJDSEFOVENPREUiOiI5OTkwMDg4ODEiLCJEU19NRVJDSEFOVF9URVJNSU5BTCI6IjEiLCJEU19NRVJDSEFOVF9BTU9VTlQiOiI0OTk5IiwiRFNfTUVSQ0hBTlRfQ1VSUkVOQ1kiOiI5NzgiLCJEU19NRVJDSEFOVF9NRVJDSEFOVFVSTCI6Imh0dHA6Ly93d3cucHJ1ZWJhLmNvbS91cmxOb3RpZmljYWNpb24ucGhwIiwiRFNfTUVSQ0hBTlRfVVJMT0siOiJodHRwOi8vd3d3LnBydWViYS5jb20vdXJsT0sucGhwIiwiRFNfTUVSQ0hBTlRfVVJMS08iOiJodHRwOi8vd3d3LnBydWViYS5jb20vdXJsS08ucGhwIn0=";
const V1_REQUEST_SIGNATURE = "TyW+LIa2GZnhCPLM7JSPwbQn4ZjOvMO/KiIf4yJgwo8=";

/**
 * HMAC_SHA256_V1, notification side: the notification RedSys' test bench sent back for that order (same
 * fixture file). Its signature arrives base64url and its Ds_Date/Ds_Hour URL-encoded ("22%2F10%2F2021").
 */
const V1_NOTIFICATION_PARAMETERS =
  "eyJEc19EYXRlIjoiMjIlMkYxMCUyRjIwMjEiLCJEc19Ib3VyIjoiMjIlM0E1MSIsIkRzX1NlY3VyZVBheW1lbnQiOiIxIiwiRHNfQ2FyZF9OdW1iZXIiOiI0NTQ4ODEqKioqKiowMDA0IiwiRHNfQ2FyZF9Db3VudHJ5IjoiNzI0IiwiRHNfQW1vdW50IjoiNDk5OSIsIkRzX0N1cnJlbmN5IjoiOTc4IiwiRHNfT3JkZXIiOiIwNzI2cUkzSDdzWngiLCJEc19NZXJjaGFudENvZGUiOiI5OTkwMDg4ODEiLCJEc19UZXJtaW5hbCI6IjAwMSIsIkRzX1Jlc3BvbnNlIjoiMDAwMCIsIkRzX01lcmNoYW50RGF0YSI6IiIsIkRzX1RyYW5zYWN0aW9uVHlwZSI6IjAiLCJEc19Db25zdW1lckxhbmd1YWdlIjoiMSIsIkRzX0F1dGhvcmlzYXRpb25Db2RlIjoiMDUyMDI5IiwiRHNfQ2FyZF9CcmFuZCI6IjEiLCJEc19Qcm9jZXNzZWRQYXlNZXRob2QiOiIxIn0=";
const V1_NOTIFICATION_SIGNATURE = "52nPyUkyDws__OfMqDka_yN-arxzulELZC1TYTvvR0s=";

/**
 * HMAC_SHA256_V1, the notification example of RedSys' "Guía de migración a firma HMAC SHA256" (order 0069,
 * terminal 871, with that guide's own key), as kept in javiertury/redsys-easy
 * test/fixtures/rest/redirect-notification.ts.
 */
const GUIDE_KEY = "Mk9m98IfEblmPfrpsawt7BmxObt98Jev";
const GUIDE_PARAMETERS =
  "eyJEc19EYXRlIjoiMDklMkYxMSUyRjIwMTUiLCJEc19Ib3VyIjoiMTglM0EwMyIsIkRzX1NlY3VyZVBheW1lbnQiOiIwIiwiRHNfQ2FyZF9Db3VudHJ5IjoiNzI0IiwiRHNfQW1vdW50IjoiMTQ1IiwiRHNfQ3VycmVuY3kiOiI5NzgiLCJEc19PcmRlciI6IjAwNjkiLCJEc19NZXJjaGFudENvZGUiOiI5OTkwMDg4ODEiLCJEc19UZXJtaW5hbCI6Ijg3MSIsIkRzX1Jlc3BvbnNlIjoiMDAwMCIsIkRzX01lcmNoYW50RGF0YSI6IiIsIkRzX1RyYW5zYWN0aW9uVHlwZSI6IjAiLCJEc19Db25zdW1lckxhbmd1YWdlIjoiMSIsIkRzX0F1dGhvcmlzYXRpb25Db2RlIjoiMDgyMTUwIn0=";
const GUIDE_SIGNATURE = "6DVpRPAPoChZh2cgaWnLqlfFsKeXdRfAO_tz-UrxJcU=";

describe("RedSys HMAC_SHA512_V2 (RedSys' published example)", () => {
  it("derives the operation key by AES-128-CBC", () => {
    expect(redsysOrderKey("HMAC_SHA512_V2", TEST_KEY, "1234567890").toString("utf8")).toBe(V2_ORDER_KEY);
  });

  it("signs the example byte for byte, base64url without padding", () => {
    expect(redsysSignature("HMAC_SHA512_V2", TEST_KEY, "1234567890", V2_PARAMETERS)).toBe(V2_SIGNATURE);
    expect(
      isRedsysSignatureValid("HMAC_SHA512_V2", TEST_KEY, "1234567890", V2_PARAMETERS, V2_SIGNATURE),
    ).toBe(true);
  });

  it("encodes the example's parameters to the same text", () => {
    const params = decodeRedsysParameters(V2_PARAMETERS) as Record<string, string>;
    expect(params.DS_MERCHANT_ORDER).toBe("1234567890");
    // RedSys' PHP escapes "/" as "\/"; JSON.stringify does not, so only the escaped form round-trips.
    const escaped = Buffer.from(JSON.stringify(params).replaceAll("/", "\\/")).toString("base64url");
    expect(escaped).toBe(V2_PARAMETERS);
    expect(encodeRedsysParameters("HMAC_SHA512_V2", params)).not.toMatch(/[+/=]/);
  });
});

describe("RedSys HMAC_SHA256_V1 (published vectors with the test key)", () => {
  it("derives the operation key by 3DES-CBC with zero padding, no PKCS", () => {
    // javiertury/redsys-easy src/crypto.test.ts: a 9-byte order padded to 16 bytes.
    expect(redsysOrderKey("HMAC_SHA256_V1", TEST_KEY, "012345678").toString("base64")).toBe(
      "ub0/L8+E9+9ITQJwk3SvHA==",
    );
    expect(redsysOrderKey("HMAC_SHA256_V1", TEST_KEY, "0726qI3H7sZx").toString("base64")).toBe(
      "GViV77kFjMPKVUcE9qxzlg==",
    );
  });

  it("signs a payment form byte for byte", () => {
    expect(redsysSignature("HMAC_SHA256_V1", TEST_KEY, "0726qI3H7sZx", V1_REQUEST_PARAMETERS)).toBe(
      V1_REQUEST_SIGNATURE,
    );
    const params = decodeRedsysParameters(V1_REQUEST_PARAMETERS) as Record<string, string>;
    expect(signRedsysMessage("HMAC_SHA256_V1", TEST_KEY, params)).toEqual({
      Ds_SignatureVersion: "HMAC_SHA256_V1",
      Ds_MerchantParameters: V1_REQUEST_PARAMETERS,
      Ds_Signature: V1_REQUEST_SIGNATURE,
    });
  });

  it("verifies RedSys' notifications, whose signatures arrive base64url", () => {
    expect(
      isRedsysSignatureValid(
        "HMAC_SHA256_V1",
        TEST_KEY,
        "0726qI3H7sZx",
        V1_NOTIFICATION_PARAMETERS,
        V1_NOTIFICATION_SIGNATURE,
      ),
    ).toBe(true);
    expect(
      isRedsysSignatureValid("HMAC_SHA256_V1", GUIDE_KEY, "0069", GUIDE_PARAMETERS, GUIDE_SIGNATURE),
    ).toBe(true);
    expect(decodeRedsysParameters(V1_NOTIFICATION_PARAMETERS)).toMatchObject({
      Ds_Date: "22%2F10%2F2021",
      Ds_Hour: "22%3A51",
      Ds_Response: "0000",
    });
  });
});

describe("RedSys signature checks", () => {
  it("refuses a tampered signature, parameters, order or key", () => {
    const tampered = `A${V1_NOTIFICATION_SIGNATURE.slice(1)}`;
    const ok = (key: string, order: string, params: string, signature: string) =>
      isRedsysSignatureValid("HMAC_SHA256_V1", key, order, params, signature);
    expect(ok(TEST_KEY, "0726qI3H7sZx", V1_NOTIFICATION_PARAMETERS, tampered)).toBe(false);
    expect(ok(TEST_KEY, "0726qI3H7sZy", V1_NOTIFICATION_PARAMETERS, V1_NOTIFICATION_SIGNATURE)).toBe(false);
    expect(ok(GUIDE_KEY, "0726qI3H7sZx", V1_NOTIFICATION_PARAMETERS, V1_NOTIFICATION_SIGNATURE)).toBe(false);
    expect(ok(TEST_KEY, "0726qI3H7sZx", `${V1_NOTIFICATION_PARAMETERS}x`, V1_NOTIFICATION_SIGNATURE)).toBe(
      false,
    );
    expect(ok("not-a-3des-key", "0726qI3H7sZx", V1_NOTIFICATION_PARAMETERS, "")).toBe(false);
    expect(
      isRedsysSignatureValid("HMAC_SHA512_V2", TEST_KEY, "1234567890", V2_PARAMETERS, V1_REQUEST_SIGNATURE),
    ).toBe(false);
  });

  it("reads only JSON objects out of Ds_MerchantParameters", () => {
    expect(decodeRedsysParameters("bm90IGpzb24")).toBeNull();
    expect(decodeRedsysParameters(Buffer.from("[1]").toString("base64"))).toBeNull();
    expect(decodeRedsysParameters("<script>")).toBeNull();
  });
});
