/**
 * Class-data sharing for functions: {@link dev.lamina.test.cds.CdsArchive} trains a dynamic CDS
 * archive by running a function under the real runtime interface client with a few events, and
 * gives the {@code JAVA_TOOL_OPTIONS} line that uses it.
 */
package dev.lamina.test.cds;
