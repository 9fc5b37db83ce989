package org.openst.directory.service;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryGroup;
import org.openst.directory.api.DirectoryUser;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.ServiceType;
import org.openst.support.channel.ChannelRequests;
import org.openst.support.config.ConfigGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory service (spec §6.7, service {@code 0x1A}, protocol {@code 0x1C}/5): address books,
 * browsing with pages, and the contents of public groups (seed, "Directory").
 *
 * <p>One address book, ID {@value #BOOK_ID}, stands for the bound directory. Every request of a
 * channel, cheap or not, runs on this component's bounded workers in arrival order, so replies keep
 * request order and the channel's state needs no locks.
 */
@Component(name = DirectoryService.PID, configurationPid = DirectoryService.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = ServiceProvider.class)
@Designate(ocd = DirectoryService.Config.class)
public final class DirectoryService implements ServiceProvider {

    static final String PID = "org.openst.directory";
    /** The protocol type Meanwhile opens directory channels with (spec §6.0). */
    static final int PROTO_TYPE = 0x0000001C;
    /** The one address book. */
    static final int BOOK_ID = 1;

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryService.class);

    @ObjectClassDefinition(name = "OpenST directory service",
            description = "Browsing the user directory and public group contents (Sametime service 0x1A).")
    @interface Config {
        @AttributeDefinition(name = "Address book name", description = "The name clients see for the directory.")
        String book_name() default "Community directory";

        @AttributeDefinition(name = "Page size", description = "Users per SEARCH page.", min = "1")
        int page_size() default 20;

        @AttributeDefinition(name = "Group members", description = "The most members one group-contents reply lists.",
                min = "1")
        int max_members() default 1000;

        @AttributeDefinition(name = "Open directories per channel", description = "Beyond this OPEN is answered "
                + "ERR_STARVING until the client closes one.", min = "1")
        int max_open() default 16;

        @AttributeDefinition(name = "Worker threads", description = "Threads that call the directory.", min = "1")
        int threads() default 2;

        @AttributeDefinition(name = "Waiting channels", description = "Channels whose requests may wait for a worker; "
                + "beyond that, requests are answered ERR_STARVING.", min = "1")
        int queue_size() default 1000;

        @AttributeDefinition(name = "Unanswered requests per channel", description = "A client with more requests "
                + "waiting on one channel is flooding: its channel is closed with ERR_STARVING.", min = "1")
        int max_pending() default 1000;
    }

    private final AtomicReference<Directory> directory = new AtomicReference<>();
    private final ConfigGate<Config, DirectorySettings> gate = new ConfigGate<>(PID, Config.class,
            DirectorySettings::from, LOG);
    private final ChannelRequests requests;
    private volatile DirectorySettings settings;

    @Activate
    public DirectoryService(Config config) {
        this.settings = gate.initial(config);
        this.requests = new ChannelRequests("Directory", "openst-directory", settings.threads(), settings.queueSize(),
                settings.maxPending());
    }

    /**
     * The book name, limits and threads apply at once; queue.size and max.pending when the bundle
     * restarts. A bad value is refused (logged) and the old settings stay.
     */
    @Modified
    void modified(Config config) {
        gate.next(config).ifPresent(next -> {
            settings = next;
            requests.reconfigure(PID, "org.openst.directory", next.threads(), next.queueSize(), next.maxPending());
        });
    }

    /** The settings in force; for tests. */
    DirectorySettings settings() {
        return settings;
    }

    /** The highest-ranked directory; a better one replaces it at run time (greedy). */
    @Reference(name = "directory", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindDirectory")
    void bindDirectory(Directory d) {
        directory.set(d);
        LOG.info("Directory service browsing {}", d.describe());
    }

    void unbindDirectory(Directory d) {
        if (directory.compareAndSet(d, null)) {
            LOG.info("No directory: the directory service lists no address book until one is registered");
        }
    }

    @Deactivate
    void deactivate() {
        requests.stop();
    }

    @Override
    public int serviceType() {
        return ServiceType.DIRECTORY;
    }

    @Override
    public void channelCreated(ServiceChannel channel) {
        if (requests.acceptsProtoType(channel, PROTO_TYPE)) {
            channel.attach(new ChannelState());
            channel.accept(null);
        }
    }

    @Override
    public void received(ServiceChannel channel, int msgType, byte[] data) {
        if (!(channel.attachment() instanceof ChannelState state)) {
            return;
        }
        DirectoryRequest request;
        try {
            request = DirectoryRequest.parse(msgType, data);
        } catch (DirectoryRequest.Malformed e) {
            requests.refuse(channel, e.getMessage());
            return;
        }
        requests.submit(channel, request.requestId(), () -> handle(channel, state, request),
                () -> answerBusy(channel, msgType, request));
    }

    @Override
    public void channelClosed(ServiceChannel channel, int reason, byte[] data) {
        if (channel.attachment() instanceof ChannelState) {
            requests.closed(channel);
        }
    }

    /** Only when nothing of the channel is pending, so the order of replies holds. */
    private void answerBusy(ServiceChannel channel, int msgType, DirectoryRequest request) {
        int busy = ErrorCode.ERR_STARVING;
        int id = request.requestId();
        if (request instanceof DirectoryRequest.ListBooks) {
            channel.send(msgType, DirectoryReplies.list(id, busy, List.of()));
        } else if (request instanceof DirectoryRequest.Open) {
            channel.send(msgType, DirectoryReplies.open(id, busy, 0));
        } else if (request instanceof DirectoryRequest.Search s) {
            channel.send(msgType, DirectoryReplies.search(id, busy, s.directoryId(), 0, 0, List.of()));
        } else if (request instanceof DirectoryRequest.GroupMembers) {
            channel.send(msgType, DirectoryReplies.groupMembers(id, busy, List.of()));
        } else if (request instanceof DirectoryRequest.Close c && channel.attachment() instanceof ChannelState state) {
            // CLOSE has no reply. Nothing of this channel is pending or running, so the state may be
            // touched here (the executor's lock orders this after the channel's last task).
            state.open.remove(c.directoryId());
        }
    }

    /** Runs on a worker, one request of a channel at a time. */
    private void handle(ServiceChannel channel, ChannelState state, DirectoryRequest request) {
        if (!channel.isOpen()) {
            return;
        }
        Directory d = directory.get();
        int id = request.requestId();
        try {
            if (request instanceof DirectoryRequest.ListBooks) {
                List<DirectoryReplies.Book> books = d == null ? List.of() : List.of(new DirectoryReplies.Book(BOOK_ID, settings.bookName()));
                channel.send(DirectoryRequest.MSG_LIST, DirectoryReplies.list(id, ErrorCode.ERR_SUCCESS, books));
            } else if (request instanceof DirectoryRequest.Open open) {
                channel.send(DirectoryRequest.MSG_OPEN, open(state, d, open));
            } else if (request instanceof DirectoryRequest.Close close) {
                state.open.remove(close.directoryId()); // spec §6.7: no reply
            } else if (request instanceof DirectoryRequest.Search search) {
                channel.send(DirectoryRequest.MSG_SEARCH, search(state, d, search));
            } else if (request instanceof DirectoryRequest.GroupMembers members) {
                channel.send(DirectoryRequest.MSG_GROUP_MEMBERS, groupMembers(d, members));
            }
        } catch (RuntimeException e) {
            LOG.warn("Directory: {} failed on request {} of {}", d == null ? "no directory" : d.describe(),
                    Integer.toUnsignedString(id), channel.login().userId(), e);
            failed(channel, request);
        }
    }

    private static void failed(ServiceChannel channel, DirectoryRequest request) {
        int code = ErrorCode.ERR_FAILURE;
        int id = request.requestId();
        if (request instanceof DirectoryRequest.Search s) {
            channel.send(DirectoryRequest.MSG_SEARCH, DirectoryReplies.search(id, code, s.directoryId(), 0, 0, List.of()));
        } else if (request instanceof DirectoryRequest.GroupMembers) {
            channel.send(DirectoryRequest.MSG_GROUP_MEMBERS, DirectoryReplies.groupMembers(id, code, List.of()));
        }
    }

    /** The book is named by its ID; the name Meanwhile sends back is not checked. */
    private byte[] open(ChannelState state, Directory d, DirectoryRequest.Open open) {
        if (d == null || open.bookId() != BOOK_ID) {
            return DirectoryReplies.open(open.requestId(), ErrorCode.ERR_NO_ELEMENT, 0);
        }
        if (state.open.size() >= settings.maxOpen()) {
            return DirectoryReplies.open(open.requestId(), ErrorCode.ERR_STARVING, 0);
        }
        int directoryId = state.newDirectoryId();
        state.open.put(directoryId, new ChannelState.Browse());
        return DirectoryReplies.open(open.requestId(), ErrorCode.ERR_SUCCESS, directoryId);
    }

    /**
     * A new search starts at offset 0; "next" and "previous" move by one page. "Next" after the
     * last page and "previous" on the first answer the same page again; paging before any search
     * browses everybody (query "").
     */
    private byte[] search(ChannelState state, Directory d, DirectoryRequest.Search search) {
        int dirId = search.directoryId();
        ChannelState.Browse browse = state.open.get(dirId);
        if (browse == null) {
            return DirectoryReplies.search(search.requestId(), ErrorCode.ERR_NO_ELEMENT, dirId, 0, 0, List.of());
        }
        if (d == null) {
            return DirectoryReplies.search(search.requestId(), ErrorCode.ERR_FAILURE, dirId, 0, 0, List.of());
        }
        int pageSize = settings.pageSize();
        int offset;
        if (search.action() == DirectoryRequest.ACTION_SEARCH) {
            browse.query = search.query();
            offset = 0;
        } else if (browse.offset < 0) {
            offset = 0;
        } else if (search.action() == DirectoryRequest.ACTION_NEXT) {
            offset = browse.more ? browse.offset + pageSize : browse.offset;
        } else {
            offset = Math.max(0, browse.offset - pageSize);
        }
        List<DirectoryUser> found = d.search(browse.query, offset, pageSize + 1); // one more tells whether a next page exists
        boolean more = found.size() > pageSize;
        List<DirectoryUser> page = more ? found.subList(0, pageSize) : found;
        browse.offset = offset;
        browse.more = more;
        return DirectoryReplies.search(search.requestId(), ErrorCode.ERR_SUCCESS, dirId, offset,
                more ? DirectoryReplies.FLAG_MORE : 0, page);
    }

    /** An unknown group is ERR_NO_ELEMENT; a known group whose members are all unknown is an empty success. */
    private byte[] groupMembers(Directory d, DirectoryRequest.GroupMembers request) {
        int id = request.requestId();
        if (d == null) {
            return DirectoryReplies.groupMembers(id, ErrorCode.ERR_FAILURE, List.of());
        }
        String groupId = request.groupId().strip();
        List<DirectoryUser> members = groupId.isEmpty() ? List.of() : d.groupMembers(groupId);
        if (members.isEmpty() && !groupExists(d, groupId)) {
            return DirectoryReplies.groupMembers(id, ErrorCode.ERR_NO_ELEMENT, List.of());
        }
        int maxMembers = settings.maxMembers();
        if (members.size() > maxMembers) {
            members = members.subList(0, maxMembers);
        }
        return DirectoryReplies.groupMembers(id, ErrorCode.ERR_SUCCESS, members);
    }

    private static boolean groupExists(Directory d, String groupId) {
        if (groupId.isEmpty()) {
            return false;
        }
        for (DirectoryGroup g : d.findGroups(groupId, 1)) {
            if (g.groupId().equalsIgnoreCase(groupId)) {
                return true;
            }
        }
        return false;
    }
}
