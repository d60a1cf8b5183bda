package org.vitalis.store;

import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.vitalis.domain.UserAccount;

public final class UserRepository {
    private final Session session;

    UserRepository(Session session) {
        this.session = session;
    }

    public Optional<UserAccount> findByUsername(String username) {
        return session.createSelectionQuery("from UserAccount where lower(username) = lower(:u)", UserAccount.class)
                .setParameter("u", username).uniqueResultOptional();
    }

    public Optional<UserAccount> find(long id) {
        return Optional.ofNullable(session.find(UserAccount.class, id));
    }

    public List<UserAccount> all() {
        return session.createSelectionQuery("from UserAccount order by username", UserAccount.class).getResultList();
    }

    public long count() {
        return session.createSelectionQuery("select count(*) from UserAccount", Long.class).getSingleResult();
    }

    public UserAccount save(UserAccount user) {
        if (user.getId() == null) {
            session.persist(user);
            return user;
        }
        return session.merge(user);
    }
}
