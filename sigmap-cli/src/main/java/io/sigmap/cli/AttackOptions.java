package io.sigmap.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --attack SRC}: the ATT&amp;CK data a command runs against; see {@link AttackSources}. */
final class AttackOptions {

  static final String DESCRIPTION = "ATT&CK data: a STIX bundle file (.json or .json.gz), a cached release "
      + "(enterprise@18.1, mobile@latest) or a URL fetched before with 'sigmap attack fetch'. Repeat to merge "
      + "domains. Default: the newest cached Enterprise bundle.";

  @Option(names = "--attack", paramLabel = "SRC", description = DESCRIPTION)
  List<String> sources = new ArrayList<>();

  LoadedAttack load(AttackCache cache) {
    return AttackSources.load(sources, cache);
  }
}
