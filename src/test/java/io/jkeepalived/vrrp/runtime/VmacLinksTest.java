package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.config.model.VrrpInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** use_vmac's interface name and virtual MAC (RFC 5798 §7.3, keepalived.conf(5) use_vmac). */
class VmacLinksTest {
    @TempDir
    Path dir;

    private VrrpInstance instance(String vmacLine, boolean ipv6) throws Exception {
        String conf = """
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    priority 100
                    %s
                    virtual_ipaddress {
                        %s
                    }
                }
                """.formatted(vmacLine, ipv6 ? "fd00:99::100/64" : "10.99.1.100/24");
        Path f = Files.writeString(dir.resolve("k.conf"), conf);
        return ConfigLoader.load(LoadOptions.of(f).withInterfaces(n -> n.equals("eth0")), d -> { })
                .config().vrrp().instances().getFirst();
    }

    @Test
    void aVmacIsNamedAfterThePrefixAndVridUnlessNamed() throws Exception {
        assertThat(VmacLinks.name(instance("use_vmac", false), null)).isEqualTo("vrrp.51");
        assertThat(VmacLinks.name(instance("use_vmac", false), "vr")).isEqualTo("vr.51");
        assertThat(VmacLinks.name(instance("use_vmac vm51", false), null)).isEqualTo("vm51");
    }

    @Test
    void theVirtualMacCarriesTheFamilyAndTheVrid() throws Exception {
        assertThat(VmacLinks.mac(instance("use_vmac", false))).containsExactly(0, 0, 0x5e, 0, 1, 51);
        assertThat(VmacLinks.mac(instance("use_vmac", true))).containsExactly(0, 0, 0x5e, 0, 2, 51);
    }
}
