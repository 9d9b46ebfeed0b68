import "server-only";
import { headers } from "next/headers";
import { nonceOf } from "./csp";

/** This request's CSP nonce, which proxy.ts put in the request's own policy header. */
export async function requestNonce(): Promise<string | undefined> {
  return nonceOf((await headers()).get("content-security-policy"));
}
