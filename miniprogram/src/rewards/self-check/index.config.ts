export default definePageConfig({ navigationBarTitleText: '有奖举报自查' })
