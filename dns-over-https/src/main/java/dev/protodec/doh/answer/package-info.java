/**
 * Stage 6 of the request path, write the answer: {@link dev.protodec.doh.answer.AnswerWriter} writes DNS
 * wire with name compression, decayed TTLs, the client's ID and question, and a padded OPT record into a
 * reused per-thread buffer; {@link dev.protodec.doh.answer.ErrorAnswer} makes FORMERR, NOTIMP, BADVERS
 * and SERVFAIL answers. Depends on the query stage only: no dnsjava, no protobuf, no Netty.
 */
package dev.protodec.doh.answer;
