export default definePageConfig({ navigationBarTitleText: '通知箱（本地演示）', enablePullDownRefresh: true })
