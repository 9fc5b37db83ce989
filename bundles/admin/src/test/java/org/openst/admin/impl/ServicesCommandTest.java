package org.openst.admin.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServicesCommandTest {

    @Test
    void oneLinePerProviderByTypeWithTheOneInUseFirst() {
        List<ProviderRow> rows = new ArrayList<>(List.of(
                new ProviderRow(0x80000010, 0, 40, "org.openst.conference", 21, "org.openst.conference"),
                new ProviderRow(0x11, 0, 31, "org.openst.buddylist", 18, "org.openst.buddylist"),
                new ProviderRow(0x11, 10, 57, "com.example.presence", 30, "-"),
                new ProviderRow(0x15, 0, 33, "org.openst.resolve", 19, "org.openst.resolve"),
                new ProviderRow(0x15, 0, 32, "org.openst.resolve.old", 17, "org.openst.resolve"),
                new ProviderRow(0x4242, 0, 60, "org.example.echo", 31, "echo")));
        assertEquals("""
                type        name        bundle                  id  ranking  component              in use
                0x00000011  AWARENESS   com.example.presence    30  10       -                      yes
                0x00000011  AWARENESS   org.openst.buddylist    18  0        org.openst.buddylist   no
                0x00000015  RESOLVE     org.openst.resolve.old  17  0        org.openst.resolve     yes
                0x00000015  RESOLVE     org.openst.resolve      19  0        org.openst.resolve     no
                0x00004242  -           org.example.echo        31  0        echo                   yes
                0x80000010  CONFERENCE  org.openst.conference   21  0        org.openst.conference  yes
                6 providers.\s""" + ServicesCommand.RELAYED_NOTE, ServicesCommand.render(rows));
    }

    @Test
    void noProviders() {
        assertEquals("no server applications registered\n" + ServicesCommand.RELAYED_NOTE, ServicesCommand.render(new ArrayList<>()));
    }
}
