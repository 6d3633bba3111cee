package io.marquee.api.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AddressRangeTests {

    @Test
    void matchesAddressesWithinItsPrefix() throws UnknownHostException {
        AddressRange range = AddressRange.parse("10.20.0.0/14");

        assertThat(range.contains(InetAddress.getByName("10.23.255.255"))).isTrue();
        assertThat(range.contains(InetAddress.getByName("10.24.0.0"))).isFalse();
        assertThat(range.contains(InetAddress.getByName("::ffff:1:1"))).isFalse();
        assertThat(AddressRange.parse("192.0.2.1").contains(InetAddress.getByName("192.0.2.1"))).isTrue();
        assertThat(AddressRange.parse("192.0.2.1").contains(InetAddress.getByName("192.0.2.2"))).isFalse();
        assertThat(AddressRange.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.7"))).isTrue();
    }

    @Test
    void rejectsWhatIsNotARange() {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse("proxy.internal"));
        assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse("10.0.0.0/33"));
    }

    @Test
    void neverLooksANameUp() {
        assertThat(AddressRange.literal("localhost")).isEmpty();
        assertThat(AddressRange.literal("attacker.example")).isEmpty();
        assertThat(AddressRange.literal("[2001:db8::1]")).isPresent();
        assertThat(AddressRange.literal(" 203.0.113.7 ")).isPresent();
    }
}
