/**
 * Cache hits answered on the connection: a GET that repeats, byte for byte, the target of a request the whole stack
 * answered from one fresh cached answer gets that response again from a Netty handler in front of the stack,
 * with its own request id, access decided and a token taken as the security chain would ({@code access.Admissions}),
 * and its metric recorded; anything else, or anything not certain to be answered the same, goes on to the stack.
 */
package io.marquee.api.hits;
