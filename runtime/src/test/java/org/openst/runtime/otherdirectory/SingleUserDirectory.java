package org.openst.runtime.otherdirectory;

import java.util.List;
import java.util.Optional;

import org.openst.directory.api.Authentication;
import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryUser;

/**
 * A directory plugin for the directory-swap test: it knows one user, "zed" with password
 * "zed-pw". Packed into a bundle at test time and dropped into deploy/.
 */
public final class SingleUserDirectory implements Directory {
    private static final DirectoryUser ZED = new DirectoryUser("zed", "Zed From Elsewhere", "");

    @Override
    public Authentication authenticate(String loginName, String password) {
        if (!"zed".equals(loginName)) {
            return new Authentication.Refused(Authentication.Reason.UNKNOWN_USER);
        }
        return "zed-pw".equals(password) ? new Authentication.Success(ZED)
                : new Authentication.Refused(Authentication.Reason.WRONG_PASSWORD);
    }

    @Override
    public Optional<DirectoryUser> findUser(String userId) {
        return "zed".equals(userId) ? Optional.of(ZED) : Optional.empty();
    }

    @Override
    public List<DirectoryUser> resolve(String name, int maxResults) {
        return findUser(name).map(List::of).orElse(List.of());
    }

    @Override
    public String describe() {
        return "single-user test directory";
    }
}
