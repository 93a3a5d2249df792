package org.zhusan.vault.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code zhusan-vault} command line: starts the vault, mints development tokens and runs the
 * offline administration and verification tasks. Runs outside the server
 * (target/zhusan-vault-cli.jar).
 */
@Command(
    name = "zhusan-vault",
    mixinStandardHelpOptions = true,
    version = "zhusan-vault 0.1.0",
    description = "Zhusan Vault: encrypted, audited records vault.",
    subcommands = {
      RunCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      TokenCommand.class,
      VerifyLogCommand.class,
      WitnessCommand.class,
      VerifyCertificateCommand.class,
      VerifyDisclosureCommand.class,
      RotateKeysCommand.class,
      RotateBlindIndexCommand.class,
      CommandLine.HelpCommand.class
    })
public class VaultCli {
  public static void main(String[] args) {
    System.exit(new CommandLine(new VaultCli()).execute(args));
  }
}
