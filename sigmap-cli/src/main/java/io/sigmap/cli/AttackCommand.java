package io.sigmap.cli;

import picocli.CommandLine.Command;

/** {@code sigmap attack}: the ATT&amp;CK data, its cache and its releases. */
@Command(
    name = "attack",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Fetch, list, describe and compare ATT&CK releases.",
        "",
        "Bundles live in the cache (--cache DIR, $SIGMAP_CACHE, default ~/.cache/sigmap) under attack/, each with"
            + " its SHA-256, a manifest and an index snapshot for a fast start. Only 'attack fetch' uses the"
            + " network."},
    subcommands = {AttackFetchCommand.class, AttackListCommand.class, AttackInfoCommand.class,
        AttackDiffCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.HELP_SUCCESS, ExitCodes.HELP_USAGE, ExitCodes.HELP_IO, ExitCodes.HELP_INTERNAL})
final class AttackCommand extends GroupCommand {}
