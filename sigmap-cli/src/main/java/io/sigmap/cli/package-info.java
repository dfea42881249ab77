/**
 * The {@code sigmap} command. {@link io.sigmap.cli.Sigmap} runs it ({@code main}, or {@code run} in-process) and
 * {@link io.sigmap.cli.ExitCodes} names its stable exit codes; the commands themselves are internal.
 *
 * @since 0.1.0
 */
package io.sigmap.cli;
