/**
 * Stage 1 of the request path, parse the query: {@link dev.protodec.doh.query.QueryParser} reads the
 * header, the question and the OPT record of a wire query into a reusable {@link
 * dev.protodec.doh.query.ParsedQuery}. Depends on the resolver API's exception only: no dnsjava, no Netty.
 */
package dev.protodec.doh.query;
