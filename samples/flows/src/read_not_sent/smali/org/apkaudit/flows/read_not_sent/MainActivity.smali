.class public Lorg/apkaudit/flows/read_not_sent/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "read_not_sent" (NEGATIVE: 0 leaks).
#
#   Cursor c = getContentResolver().query(Phone.CONTENT_URI, null, null, null, null);
#   int n = c.getCount();
#   c.close();
#   TextView tv = new TextView(this);
#   tv.setText(String.valueOf(n));              // shown on screen only
#   setContentView(tv);
#
# The contacts are read (only counted) but nothing leaves the app: no network,
# log, file, SMS or IPC call. try/catch (SecurityException): READ_CONTACTS may
# not be granted.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 8

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    invoke-virtual {p0}, Lorg/apkaudit/flows/read_not_sent/MainActivity;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    # source: every phone number in the address book
    sget-object v1, Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;

    const/4 v2, 0x0

    const/4 v3, 0x0

    const/4 v4, 0x0

    const/4 v5, 0x0

    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;

    move-result-object v0

    if-eqz v0, :cond_done

    invoke-interface {v0}, Landroid/database/Cursor;->getCount()I

    move-result v1

    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    new-instance v0, Landroid/widget/TextView;

    invoke-direct {v0, p0}, Landroid/widget/TextView;-><init>(Landroid/content/Context;)V

    invoke-static {v1}, Ljava/lang/String;->valueOf(I)Ljava/lang/String;

    move-result-object v1

    # the count is only shown on screen
    invoke-virtual {v0, v1}, Landroid/widget/TextView;->setText(Ljava/lang/CharSequence;)V

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/read_not_sent/MainActivity;->setContentView(Landroid/view/View;)V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :cond_done
    return-void

    :catch_0
    move-exception v0

    return-void
.end method
