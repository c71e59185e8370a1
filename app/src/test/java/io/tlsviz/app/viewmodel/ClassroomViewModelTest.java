package io.tlsviz.app.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The classroom's rules without a toolkit: who knows what, when; Back; tamper; exchange switching. */
class ClassroomViewModelTest {
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);

    private ClassroomViewModel classroom(Exchange e) {
        return new ClassroomViewModel(messages, new EngineNarration(messages), ScenarioOptions.defaults(e));
    }

    private static List<String> names(ClassroomViewModel vm, Party p) {
        return vm.knowledge().column(p).stream().map(KnowledgeItem::name).toList();
    }

    private static int indexOf(ClassroomViewModel vm, String stepName) {
        return vm.plan().stream().filter(s -> s.name().equals(stepName)).findFirst().orElseThrow().index();
    }

    @Test
    void rsaPremasterIsKnownByTheClientFromItsMakingByTheServerAfterDecryptingAndNeverOnTheWire() {
        ClassroomViewModel vm = classroom(Exchange.RSA);
        int makes = indexOf(vm, "client_makes_premaster");
        int cke = indexOf(vm, "client_key_exchange");
        int decrypts = indexOf(vm, "server_decrypts_premaster");
        assertThat(decrypts).isGreaterThan(cke);
        assertThat(names(vm, Party.CLIENT)).isEmpty();
        while (vm.canNextProperty().get()) {
            vm.next();
            int last = vm.positionProperty().get() - 1;
            assertThat(names(vm, Party.CLIENT).contains("premaster_secret")).as("client at %d", last)
                    .isEqualTo(last >= makes);
            assertThat(names(vm, Party.SERVER).contains("premaster_secret")).as("server at %d", last)
                    .isEqualTo(last >= decrypts);
            assertThat(names(vm, Party.EAVESDROPPER)).doesNotContain("premaster_secret", "master_secret");
            assertThat(names(vm, Party.EAVESDROPPER).contains("encrypted_premaster_secret"))
                    .as("wire at %d", last).isEqualTo(last >= cke);
        }
        KnowledgeItem pm = vm.knowledge().find(Party.CLIENT, "premaster_secret").orElseThrow();
        assertThat(pm.secret()).isTrue();
        assertThat(pm.hex()).hasSize(96);
        assertThat(pm.shortHex()).contains("…").hasSizeLessThan(30);
        assertThat(vm.knowledge().find(Party.SERVER, "master_secret").orElseThrow().proven()).isTrue();
    }

    /**
     * The knowledge columns show a TLS 1.2 key block as RFC 5246 section 6.3 cuts it: for CBC the MAC keys and write
     * keys, no IVs (each CBC record carries its own); for GCM the write keys and the 4-byte implicit IVs. Every one
     * of them is proven.
     */
    @Test
    void knowledgeColumnsShowNoWriteIvsForACbcSuiteAndTheFourByteIvsForGcm() {
        ClassroomViewModel cbc = new ClassroomViewModel(messages, new EngineNarration(messages),
                ScenarioOptions.defaults(Exchange.RSA)
                        .withCipherSuite(io.tlsviz.engine.crypto.CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256)
                        .withEncryptThenMac(true));
        ClassroomViewModel gcm = classroom(Exchange.RSA);
        for (ClassroomViewModel vm : List.of(cbc, gcm)) {
            while (vm.canNextProperty().get()) {
                vm.next();
            }
        }
        for (Party p : List.of(Party.CLIENT, Party.SERVER)) {
            assertThat(names(cbc, p)).contains("client_write_mac_key", "server_write_mac_key", "client_write_key",
                    "server_write_key").doesNotContain("client_write_iv", "server_write_iv");
            assertThat(names(gcm, p)).contains("client_write_key", "server_write_key", "client_write_iv",
                    "server_write_iv").doesNotContain("client_write_mac_key", "server_write_mac_key");
            assertThat(cbc.knowledge().column(p)).filteredOn(k -> k.name().contains("_write_"))
                    .allMatch(KnowledgeItem::proven);
            assertThat(cbc.knowledge().column(p)).map(KnowledgeItem::formula).noneMatch(f -> f.contains("_iv"));
            assertThat(gcm.knowledge().find(p, "server_write_iv").orElseThrow().hex()).hasSize(8);
        }
    }

    /** A computation's box in the diagram shows how its result is made, not the first helper value it needs. */
    @Test
    void diagramBoxesShowTheFormulaOfTheValueTheStepIsAbout() {
        ClassroomViewModel ems = new ClassroomViewModel(messages, new EngineNarration(messages),
                ScenarioOptions.defaults(Exchange.ECDHE).withExtendedMasterSecret(true));
        assertThat(boxFormula(ems, "client_derives_master_secret"))
                .startsWith("master_secret = PRF(premaster_secret, \"extended master secret\", session_hash)");
        ClassroomViewModel tls13 = classroom(Exchange.TLS13);
        assertThat(boxFormula(tls13, "client_derives_handshake_secrets"))
                .startsWith("handshake_secret = HKDF-Extract(").contains("IKM = shared_secret");
        assertThat(boxFormula(tls13, "server_derives_application_secrets")).startsWith("master_secret = HKDF-Extract(");
        assertThat(boxFormula(tls13, "client_verifies_finished")).startsWith("server_verify_data = HMAC-SHA-256(");
        ClassroomViewModel dhe = classroom(Exchange.DHE);
        assertThat(boxFormula(dhe, "server_makes_dh_keypair"))
                .isEqualTo("server_dh_public = dh_g ^ server_dh_private mod dh_p");
    }

    /**
     * What the server signs and what the client checks: the boxes show the signature's making and the check's
     * verdict, the inspector every value whole with the step's meaning, and no column lists any of them.
     */
    @Test
    void signingStepsShowWhatIsSignedAndTheVerdictButNotInTheKnowledgeColumns() {
        ClassroomViewModel dhe = classroom(Exchange.DHE);
        assertThat(boxFormula(dhe, "server_signs_key_exchange")).startsWith(
                "server_signature = RSASSA-PKCS1-v1_5-Sign(server_private_key, signed_content), Hash = SHA-256");
        assertThat(boxFormula(dhe, "client_verifies_server_signature")).startsWith(
                "RSASSA-PKCS1-v1_5-Verify(server_public_key, signed_content, server_signature) = valid signature");
        String text = dhe.inspector().computationProperty().get();
        assertThat(text).startsWith("Client checks the server's signature")
                .contains("\n\nsigned_content = client_random + server_random + 0x0100 + dh_p")
                .contains("\n\nserver_signature: RSASSA-PKCS1-v1_5-Verify(")
                .contains(messages.get("knowledge.proven"))
                .endsWith("so nobody in the middle could have swapped them.");
        ClassroomViewModel tls13 = classroom(Exchange.TLS13);
        assertThat(boxFormula(tls13, "server_signs_transcript")).startsWith("server_signature = RSASSA-PSS-Sign(");
        assertThat(tls13.inspector().computationProperty().get())
                .contains("certificate_verify_hash = SHA-256(ClientHello + ServerHello + EncryptedExtensions + "
                        + "Certificate)\n= ")
                .contains("signed_content = 64 \u00d7 0x20 + \"TLS 1.3, server CertificateVerify\" + 0x00 + "
                        + "certificate_verify_hash");
        for (Exchange e : Exchange.values()) {
            ClassroomViewModel vm = classroom(e);
            while (vm.canNextProperty().get()) {
                vm.next();
            }
            for (Party p : Party.values()) {
                assertThat(names(vm, p)).as("%s, %s", e, p).doesNotContain("signed_content", "server_signature",
                        "certificate_verify_hash", "tbs_certificate", "ca_public_key", "certificate_signature");
            }
        }
    }

    private static String boxFormula(ClassroomViewModel vm, String stepName) {
        vm.goToStep(stepName);
        Step step = vm.steps().stream().filter(s -> s.name().equals(stepName)).findFirst().orElseThrow();
        return vm.computationFormula((io.tlsviz.engine.ComputationStep) step);
    }

    @Test
    void dheEavesdropperSeesBothPublicValuesAndNeverThePremaster() {
        ClassroomViewModel vm = classroom(Exchange.DHE);
        while (vm.canNextProperty().get()) {
            vm.next();
            assertThat(names(vm, Party.EAVESDROPPER)).doesNotContain("premaster_secret",
                    "client_dh_private", "server_dh_private");
        }
        assertThat(names(vm, Party.EAVESDROPPER))
                .contains("client_dh_public", "server_dh_public", "dh_p", "dh_g");
        assertThat(names(vm, Party.CLIENT)).contains("premaster_secret", "client_dh_private");
        assertThat(names(vm, Party.SERVER)).contains("premaster_secret", "server_dh_private");
        KnowledgeItem pm = vm.knowledge().find(Party.CLIENT, "premaster_secret").orElseThrow();
        assertThat(pm.inputs()).isNotEmpty();
        vm.knowledge().selectedProperty().set(pm);
        assertThat(vm.knowledge().highlightedNames()).containsExactlyInAnyOrderElementsOf(pm.inputs());
    }

    @Test
    void newFlagMarksOnlyWhatTheCurrentStepTaught() {
        ClassroomViewModel vm = classroom(Exchange.RSA);
        vm.goTo(indexOf(vm, "client_makes_premaster") + 1);
        assertThat(vm.knowledge().column(Party.CLIENT).stream().filter(KnowledgeItem::isNew)
                .map(KnowledgeItem::name)).containsExactly("premaster_secret");
        vm.next();
        assertThat(vm.knowledge().find(Party.CLIENT, "premaster_secret").orElseThrow().isNew()).isFalse();
    }

    @Test
    void aGermanClassroomNarratesPlansAndExplainsInGerman() {
        Messages de = Messages.forLocale(Locale.GERMANY);
        ClassroomViewModel vm = new ClassroomViewModel(de, new EngineNarration(de),
                ScenarioOptions.defaults(Exchange.RSA));
        vm.goToStep("client_key_exchange");

        assertThat(vm.narrationTitleProperty().get()).isEqualTo("ClientKeyExchange");
        assertThat(vm.narrationTextProperty().get()).startsWith("Das Premaster-Secret, verschl\u00fcsselt");
        PlannedStep makes = vm.plan().get(indexOf(vm, "client_makes_premaster"));
        assertThat(makes.title()).isEqualTo("Client erzeugt das Premaster-Secret");
        Step current = vm.currentStepProperty().get();
        assertThat(vm.stepTitle(current)).isEqualTo("ClientKeyExchange");
        assertThat(vm.stepMeaning(current)).isEqualTo(vm.narrationTextProperty().get());
    }

    record Snapshot(List<String> steps, List<KnowledgeItem> client, List<KnowledgeItem> wire,
            List<KnowledgeItem> server, String narration, String status, int position) {
    }

    private static Snapshot snapshot(ClassroomViewModel vm) {
        return new Snapshot(vm.steps().stream().map(Step::name).toList(),
                new ArrayList<>(vm.knowledge().column(Party.CLIENT)),
                new ArrayList<>(vm.knowledge().column(Party.EAVESDROPPER)),
                new ArrayList<>(vm.knowledge().column(Party.SERVER)),
                vm.narrationTitleProperty().get() + vm.narrationTextProperty().get(),
                vm.statusTextProperty().get(), vm.positionProperty().get());
    }

    @Test
    void backReturnsAnIdenticalEarlierState() {
        for (Exchange e : Exchange.values()) {
            ClassroomViewModel vm = new ClassroomViewModel(messages, new EngineNarration(messages),
                    ScenarioOptions.defaults(e).withSeed(null));
            vm.goTo(9);
            Snapshot before = snapshot(vm);
            vm.next();
            assertThat(snapshot(vm)).isNotEqualTo(before);
            vm.back();
            assertThat(snapshot(vm)).as(e.id()).isEqualTo(before);
        }
    }

    @Test
    void tamperEditsAreValidatedAndBadHexLosesNothing() {
        ClassroomViewModel vm = classroom(Exchange.RSA);
        InspectorViewModel in = vm.inspector();
        assertThat(in.pendingProperty().get()).isNull();
        vm.tamperModeProperty().set(true);
        assertThat(in.pendingProperty().get().messageType()).isEqualTo("ClientHello");
        String typed = in.pendingHexProperty().get() + " zz";
        in.pendingHexProperty().set(typed);
        assertThat(in.applyPendingHex()).isFalse();
        assertThat(in.tamperErrorProperty().get()).contains("not a hex digit: 'z'").contains("kept");
        assertThat(in.pendingHexProperty().get()).isEqualTo(typed);
        in.pendingHexProperty().set("16 03 0");
        assertThat(in.applyPendingHex()).isFalse();
        assertThat(in.tamperErrorProperty().get()).contains("odd number");
        in.pendingHexProperty().set("16 03");
        assertThat(in.applyPendingHex()).isFalse();
        assertThat(in.tamperErrorProperty().get()).contains("5-byte header");
        assertThat(vm.statusTextProperty().get()).doesNotContain("tampered");
    }

    @Test
    void corruptingTheClientFinishedFailsTheHandshakeWithAnAlert() {
        ClassroomViewModel vm = classroom(Exchange.RSA);
        vm.tamperModeProperty().set(true);
        InspectorViewModel in = vm.inspector();
        while (!(in.pendingProperty().get().from() == Party.CLIENT
                && in.pendingProperty().get().messageType().equals("Finished"))) {
            vm.next();
        }
        in.corruptPending();
        assertThat(in.tamperErrorProperty().get()).isEmpty();
        assertThat(vm.statusTextProperty().get()).contains("tampered");
        while (!vm.currentStepProperty().get().name().equals("client_finished")) {
            vm.next(); // up to the changed Finished on its way: nothing has been rejected yet
            assertThat(vm.failedProperty().get()).isFalse();
        }
        assertThat(vm.failedProperty().get()).isFalse();
        assertThat(vm.alertTextProperty().get()).isEmpty();
        assertThat(vm.statusTextProperty().get()).contains("running");
        vm.next();
        assertThat(vm.currentStepProperty().get().name()).isEqualTo("server_rejects_record");
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.alertTextProperty().get()).startsWith("Handshake failed. The server rejected the Finished and "
                + "ended the handshake with a fatal bad_record_mac alert. You changed the Finished record from the "
                + "client: byte ");
        while (vm.canNextProperty().get()) {
            vm.next();
        }
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.alertTextProperty().get()).contains("bad_record_mac");
        assertThat(vm.steps().stream().map(Step::name)).contains("server_rejects_record");
        // Back keeps the edit: stepping forward again fails the same way.
        vm.back();
        vm.next();
        assertThat(vm.failedProperty().get()).isTrue();
    }

    @Test
    void switchingExchangeResetsToTheStart() {
        ClassroomViewModel vm = classroom(Exchange.RSA);
        vm.goTo(8);
        vm.exchangeProperty().set(Exchange.TLS13);
        assertThat(vm.positionProperty().get()).isZero();
        assertThat(vm.steps()).isEmpty();
        assertThat(vm.knowledge().column(Party.CLIENT)).isEmpty();
        assertThat(vm.optionsProperty().get()).isEqualTo(ScenarioOptions.defaults(Exchange.TLS13));
        assertThat(vm.plan().stream().map(PlannedStep::name)).contains("client_makes_key_share");
        vm.next();
        assertThat(vm.steps()).hasSize(1);
    }

    @Test
    void playAdvancesOnTicksAndStopsAtTheEnd() {
        ClassroomViewModel vm = classroom(Exchange.ECDHE);
        vm.tick();
        assertThat(vm.positionProperty().get()).isZero();
        vm.play();
        int ticks = 0;
        while (vm.playingProperty().get()) {
            vm.tick();
            ticks++;
        }
        assertThat(ticks).isEqualTo(vm.plan().size());
        assertThat(vm.statusTextProperty().get()).contains("complete");
    }

    @Test
    void settingsRestartWithNewOptionsAndRefuseABadSeed() {
        ClassroomViewModel vm = classroom(Exchange.DHE);
        ScenarioSettingsViewModel s = new ScenarioSettingsViewModel(vm);
        assertThat(s.groupChoices()).allMatch(g -> g.isFiniteField());
        vm.goTo(3);
        s.seedProperty().set("x1");
        assertThat(s.errorProperty().get()).contains("x1");
        assertThat(vm.positionProperty().get()).isEqualTo(3);
        s.seedProperty().set("42");
        assertThat(s.errorProperty().get()).isEmpty();
        assertThat(vm.optionsProperty().get().seed()).isEqualTo(42L);
        assertThat(vm.positionProperty().get()).isZero();
        s.extendedMasterSecretProperty().set(true);
        assertThat(vm.optionsProperty().get().extendedMasterSecret()).isTrue();
        s.freshProperty().set(true);
        assertThat(vm.optionsProperty().get().isFresh()).isTrue();
    }

    @Test
    void onlyTheOptionsTheHandshakeUsesApplyAndTheExtendedMasterSecretStaysOnBetweenTls12Exchanges() {
        ClassroomViewModel vm = classroom(Exchange.RSA);
        ScenarioSettingsViewModel s = new ScenarioSettingsViewModel(vm);
        var group = s.groupAppliesProperty();
        var ems = s.extendedMasterSecretAppliesProperty();
        var etm = s.encryptThenMacAppliesProperty();
        var compat = s.middleboxCompatAppliesProperty();
        var seed = s.seedAppliesProperty();
        assertThat(List.of(group.get(), ems.get(), etm.get(), compat.get(), seed.get()))
                .as("RSA with GCM: no group, no encrypt-then-MAC, no TLS 1.3 option")
                .containsExactly(false, true, false, false, true);
        s.suiteProperty().set(io.tlsviz.engine.crypto.CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256);
        assertThat(etm.get()).as("a CBC suite has a MAC").isTrue();
        s.extendedMasterSecretProperty().set(true);
        assertThat(vm.statusTextProperty().get()).contains("EMS");
        s.freshProperty().set(true);
        assertThat(seed.get()).isFalse();

        vm.exchangeProperty().set(Exchange.DHE);
        assertThat(vm.optionsProperty().get().extendedMasterSecret()).as("carried to DHE").isTrue();
        assertThat(s.extendedMasterSecretProperty().get()).isTrue();
        assertThat(group.get()).isTrue();
        vm.exchangeProperty().set(Exchange.TLS13);
        assertThat(vm.optionsProperty().get().extendedMasterSecret()).isFalse();
        assertThat(List.of(group.get(), ems.get(), etm.get(), compat.get())).containsExactly(true, false, false, true);
        s.middleboxCompatProperty().set(true);
        assertThat(vm.statusTextProperty().get()).contains("middlebox compatibility");
    }

    @Test
    void aComputationStepShowsInTheInspectorWhatItMadeWithFormulasAndWholeValues() {
        ClassroomViewModel vm = classroom(Exchange.RSA);
        vm.goToStep("client_derives_master_secret");
        String text = vm.inspector().computationProperty().get();
        byte[] master = vm.revealedValues().get("master_secret");
        assertThat(text).startsWith("Client derives the master secret")
                .contains("master_secret = PRF(premaster_secret, \"master secret\"")
                .contains("= " + io.tlsviz.engine.Hex.of(master).substring(0, 64))
                .contains(io.tlsviz.engine.Hex.of(master).substring(64));
        assertThat(vm.inspector().messageProperty().get()).isNull();
        vm.select(0); // a message: its fields, not a computation
        assertThat(vm.inspector().computationProperty().get()).isEmpty();
        assertThat(vm.inspector().messageProperty().get()).isNotNull();
    }

    @Test
    void inGermanTheKnowledgeColumnsAndTheDiagramDescribeValuesInGerman() {
        Messages de = Messages.forLocale(java.util.Locale.GERMAN);
        ClassroomViewModel vm = new ClassroomViewModel(de, new EngineNarration(de), ScenarioOptions.defaults(Exchange.DHE));
        while (vm.canNextProperty().get()) {
            vm.next();
        }
        assertThat(vm.knowledge().find(Party.CLIENT, "client_random").orElseThrow().formula())
                .isEqualTo("32 Zufallsbytes, vom Client gew\u00e4hlt");
        assertThat(vm.knowledge().find(Party.EAVESDROPPER, "dh_p").orElseThrow().formula())
                .startsWith("der Primzahlmodul von ffdhe2048");
        assertThat(vm.knowledge().find(Party.CLIENT, "client_dh_private").orElseThrow().formula())
                .startsWith("ein zuf\u00e4lliger Exponent, 1 < client_dh_private");
        assertThat(vm.formulaText("premaster_secret = 0x0303 + 46 random bytes")).endsWith("46 Zufallsbytes");
        // The inspector explains a field in German too: the ClientHello's random, after the 5-byte record
        // header, the 4-byte handshake header and the 2-byte version.
        vm.select(0);
        vm.inspector().selectByte(11, false);
        assertThat(vm.inspector().fieldDetailProperty().get()).contains("32 Zufallsbytes");
    }

    @Test
    void freshCertificatesAreMadeInTheBackgroundAndThenUsedByBothPeers() {
        ClassroomViewModel vm = classroom(Exchange.RSA);
        java.util.List<Runnable> background = new java.util.ArrayList<>();
        java.util.List<Runnable> fx = new java.util.ArrayList<>();
        ScenarioSettingsViewModel s = new ScenarioSettingsViewModel(vm, background::add, fx::add);
        io.tlsviz.engine.live.DemoPki shipped = io.tlsviz.engine.live.DemoPki.shipped();
        vm.goTo(3);

        s.freshCertificatesProperty().set(true);
        assertThat(s.generatingProperty().get()).isTrue();
        assertThat(s.certificateStatusProperty().get()).contains("Generating");
        background.remove(0).run();
        assertThat(vm.positionProperty().get()).as("nothing changes until the FX thread takes the result")
                .isEqualTo(3);
        fx.remove(0).run();

        io.tlsviz.engine.live.DemoPki fresh = vm.pkiProperty().get();
        assertThat(fresh).isNotSameAs(shipped);
        assertThat(fresh.serverPublicKeyInfo()).isNotEqualTo(shipped.serverPublicKeyInfo());
        assertThat(s.generatingProperty().get()).isFalse();
        assertThat(vm.positionProperty().get()).as("the handshake starts over with them").isZero();
        var trace = vm.completeTrace();
        assertThat(trace.completed()).isTrue();
        assertThat(trace.proof().allPassed()).isTrue();
        byte[] certificateMessage = trace.steps().stream()
                .filter(st -> st instanceof io.tlsviz.engine.MessageStep m && m.messageType().equals("Certificate"))
                .map(st -> ((io.tlsviz.engine.MessageStep) st).record()).findFirst().orElseThrow();
        assertThat(io.tlsviz.engine.Hex.of(certificateMessage)).contains(io.tlsviz.engine.Hex.of(fresh.serverPublicKeyInfo()))
                .doesNotContain(io.tlsviz.engine.Hex.of(shipped.serverPublicKeyInfo()));

        s.freshCertificatesProperty().set(false);
        assertThat(vm.pkiProperty().get()).isSameAs(shipped);

        // Changed back before its turn came: nothing is generated. Changed back while generating: dropped.
        s.freshCertificatesProperty().set(true);
        s.freshCertificatesProperty().set(false);
        background.remove(0).run();
        assertThat(fx).as("a request no longer wanted makes no key pair").isEmpty();
        s.freshCertificatesProperty().set(true);
        Runnable generation = background.remove(0);
        generation.run();
        s.freshCertificatesProperty().set(false);
        fx.remove(0).run();
        assertThat(vm.pkiProperty().get()).isSameAs(shipped);
        assertThat(s.generatingProperty().get()).isFalse();

        // Certificates given to the classroom directly (a window rebuilt in another language) tick the box,
        // without generating anything.
        vm.pkiProperty().set(fresh);
        assertThat(s.freshCertificatesProperty().get()).isTrue();
        assertThat(s.certificateStatusProperty().get()).contains("in use");
        assertThat(background).isEmpty();
        assertThat(vm.pkiProperty().get()).isSameAs(fresh);
        vm.pkiProperty().set(null);
        assertThat(vm.pkiProperty().get()).as("no certificates means the shipped ones").isSameAs(shipped);
        assertThat(s.freshCertificatesProperty().get()).isFalse();
    }

    @Test
    void whenFreshCertificatesCannotBeMadeTheBoxUnticksAndSaysWhy() {
        ClassroomViewModel vm = classroom(Exchange.RSA);
        java.util.List<Runnable> fx = new java.util.ArrayList<>();
        ScenarioSettingsViewModel s = new ScenarioSettingsViewModel(vm, task -> {
            // Without an RSA key-pair generator the generation fails as it would on a crippled JDK.
            java.util.List<java.security.Provider> all = java.util.List.of(java.security.Security.getProviders());
            java.security.Provider sun = java.security.Security.getProvider("SunRsaSign");
            java.security.Security.removeProvider("SunRsaSign");
            try {
                task.run();
            } finally {
                java.security.Security.insertProviderAt(sun, all.indexOf(sun) + 1);
            }
        }, fx::add);
        s.freshCertificatesProperty().set(true);
        fx.forEach(Runnable::run);
        assertThat(s.generatingProperty().get()).isFalse();
        assertThat(s.freshCertificatesProperty().get()).isFalse();
        assertThat(s.certificateStatusProperty().get()).startsWith("Could not generate certificates");
        assertThat(vm.pkiProperty().get()).isSameAs(io.tlsviz.engine.live.DemoPki.shipped());
    }

    @Test
    void inspectorFindsTheFieldOfAByteAndSelectsBothWays() {
        ClassroomViewModel vm = classroom(Exchange.RSA);
        vm.next();
        InspectorViewModel in = vm.inspector();
        assertThat(in.messageProperty().get().name()).isEqualTo("client_hello");
        var f = in.fieldAt(0, false).orElseThrow();
        assertThat(f.isLeaf()).isTrue();
        assertThat(f.offset()).isZero();
        in.selectByte(20, false);
        assertThat(in.selectedFieldProperty().get().offset()).isLessThanOrEqualTo(20);
        ByteRange range = in.selectedRangeProperty().get();
        assertThat(range.inPlaintext()).isFalse();
        assertThat(range.offset()).isLessThanOrEqualTo(20);
        assertThat(range.offset() + range.length()).as("the range covers byte 20").isGreaterThan(20);
        assertThat(in.fieldDetailProperty().get()).isNotEmpty();
    }
}
