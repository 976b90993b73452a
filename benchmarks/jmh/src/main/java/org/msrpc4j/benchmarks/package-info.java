/**
 * JMH benchmarks of msrpc4j's hot paths (NDR, the PDU codec, NTLM and Kerberos message protection,
 * access check, SDDL) and of the JDK cipher+MAC limit they are compared with; see
 * benchmarks/README.md for how to run them and the latest figures.
 */
package org.msrpc4j.benchmarks;
